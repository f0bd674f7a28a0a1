package fr.cashadvance.lender.sandbox;

import fr.cashadvance.lender.IbanMasking;
import fr.cashadvance.lender.WebhookSignature;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends the outbox's webhooks, one at a time on its own thread, outside any transaction and
 * outside the sandbox's lock: the receiver may well call the sandbox back while handling one.
 * A 2xx marks a webhook sent; a failure is retried with exponential backoff, a few times.
 * Each attempt is signed anew with the current wall-clock time (the application's clock, never
 * the sandbox's test clock, which may be days ahead), as the real lender does.
 */
// LIMITATION: after MAX_ATTEMPTS a webhook is abandoned (its row keeps the last error); the
// receiver must also poll the loan, which it does anyway.
@Component
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxWebhookDispatcher implements DisposableBean {

    static final int MAX_ATTEMPTS = 6;
    static final String DEFAULT_PATH = "/api/lender/webhooks";

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final SandboxWebhookRepository webhooks;
    private final SandboxLenderProperties properties;
    private final Environment environment;
    private final WebhookSignature signature;
    private final Clock clock;
    private final RestClient restClient;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> retry;

    SandboxWebhookDispatcher(SandboxWebhookRepository webhooks, SandboxLenderProperties properties,
                             Environment environment, RestClient.Builder restClientBuilder,
                             Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.environment = environment;
        this.signature = new WebhookSignature(properties.webhookSecret());
        this.clock = clock;
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(READ_TIMEOUT);
        this.restClient = restClientBuilder.clone().requestFactory(requestFactory).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-lender-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a sending pass soon; cheap, and safe to call after every commit. */
    void requestDispatch() {
        if (!properties.webhooksEnabled()) {
            return;
        }
        try {
            executor.execute(this::sendDue);
        } catch (RejectedExecutionException shuttingDown) {
            // The outbox keeps the rows; the next start sends them.
        }
    }

    private void sendDue() {
        try {
            String url = webhookUrl();
            if (url == null) {
                scheduleRetry(Duration.ofSeconds(5));
                return;
            }
            List<SandboxWebhook> due =
                    webhooks.findDue(MAX_ATTEMPTS, Instant.now(), Limit.of(BATCH));
            for (SandboxWebhook webhook : due) {
                send(webhook, url);
            }
            if (due.size() == BATCH) {
                requestDispatch();
                return;
            }
            webhooks.nextAttemptAt(MAX_ATTEMPTS).ifPresent(next ->
                    scheduleRetry(Duration.between(Instant.now(), next)));
        } catch (RuntimeException e) {
            log.warn("Sandbox lender: webhook pass failed, retrying later: {}", e.toString());
            scheduleRetry(Duration.ofSeconds(5));
        }
    }

    private void send(SandboxWebhook webhook, String url) {
        String error;
        try {
            // The exact bytes signed are the bytes sent.
            byte[] body = webhook.getPayload().getBytes(StandardCharsets.UTF_8);
            Instant now = clock.instant();
            restClient.post()
                    .uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.TIMESTAMP_HEADER, WebhookSignature.timestamp(now))
                    .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(now, body))
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            webhook.markSent(Instant.now());
            webhooks.save(webhook);
            log.debug("Sandbox lender: webhook {} {} delivered", webhook.getEventType(),
                    webhook.getEntityId());
            return;
        } catch (RestClientException e) {
            // The receiver's answer may quote what it was sent, IBAN included.
            error = IbanMasking.maskAllIn(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(webhook.getAttempts() + 1, 8));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        webhook.markFailed(Instant.now(), backoff, error);
        webhooks.save(webhook);
        if (webhook.getAttempts() >= MAX_ATTEMPTS) {
            log.warn("Sandbox lender: webhook {} {} abandoned after {} attempts: {}",
                    webhook.getEventType(), webhook.getEntityId(), webhook.getAttempts(), error);
        } else {
            log.debug("Sandbox lender: webhook {} {} failed, attempt {}: {}",
                    webhook.getEventType(), webhook.getEntityId(), webhook.getAttempts(), error);
        }
    }

    private synchronized void scheduleRetry(Duration delay) {
        if (retry != null && !retry.isDone()) {
            retry.cancel(false);
        }
        long millis = Math.max(0, delay.toMillis());
        try {
            retry = executor.schedule(this::sendDue, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            retry = null;
        }
    }

    /** The configured URL, else this application's own endpoint; null until the port is known. */
    private String webhookUrl() {
        String configured = properties.webhookUrl();
        if (configured != null && !configured.isBlank()) {
            // Resolved now rather than at startup so that ${local.server.port} may be used.
            String url = environment.resolvePlaceholders(configured.strip());
            return url.contains("${") ? null : url;
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? null : "http://127.0.0.1:" + port + DEFAULT_PATH;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
