package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cashadvance.business.Business;
import fr.cashadvance.lender.LenderProperties;
import fr.cashadvance.lender.ReceivedWebhooks;
import fr.cashadvance.lender.SignedWebhooks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook endpoint acts only on what the lender signed, recently, once: anything else is a
 * problem detail and leaves the journey waiting where it was.
 */
class SignedWebhooksHttpTest extends JourneyTestSupport {

    private static final String URL = "/api/lender/webhooks";

    @Value("${lender.webhook-secret}") String webhookSecret;
    @Autowired LenderProperties lender;
    @Autowired JdbcTemplate jdbc;

    @Test
    void unsignedForgedAndStaleWebhooksAreRefusedAndWakeNothing() {
        FinancingView f = waitingForTheTransfer("Webhook Refus");
        String event = loanEvent(f);
        long remembered = rememberedSignatures();

        assertRefused(SignedWebhooks.unsigned(event), "webhook-signature-invalid");
        assertRefused(SignedWebhooks.withBody(SignedWebhooks.signed(webhookSecret, event),
                event.replace("\"VALIDATED\"", "\"FUNDED\"")), "webhook-signature-invalid");
        assertRefused(SignedWebhooks.signed("not-the-lender-secret", event),
                "webhook-signature-invalid");
        Instant now = Instant.now();
        Duration tolerance = lender.webhookTolerance();
        assertRefused(SignedWebhooks.signed(webhookSecret, event,
                now.minus(tolerance).minusSeconds(30)), "webhook-timestamp-out-of-tolerance");
        assertRefused(SignedWebhooks.signed(webhookSecret, event,
                now.plus(tolerance).plusSeconds(30)), "webhook-timestamp-out-of-tolerance");

        assertThat(waitsForTheLender(f)).as("the journey still waits for a lender event").isTrue();
        assertThat(hasJob(f, "Task_CheckTransfer")).isFalse();
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
        assertThat(rememberedSignatures()).isEqualTo(remembered);
    }

    @Test
    void aSignedWebhookWakesTheJourneyOnceAndItsReplayIsRefused() {
        FinancingView f = waitingForTheTransfer("Webhook Rejeu");
        HttpEntity<String> delivery = SignedWebhooks.signed(webhookSecret, loanEvent(f));

        ResponseEntity<JsonNode> accepted = post(delivery);

        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("handled").asBoolean()).isTrue();
        assertThat(waitsForTheLender(f)).as("woken").isFalse();
        executeJob(f, "Task_CheckTransfer");
        assertThat(waitsForTheLender(f)).as("no transfer yet: waits again").isTrue();

        ResponseEntity<JsonNode> replayed = post(delivery);

        assertProblem(replayed, HttpStatus.CONFLICT, "webhook-replayed");
        assertThat(waitsForTheLender(f)).as("the copy woke nothing").isTrue();
        assertThat(hasJob(f, "Task_CheckTransfer")).isFalse();

        // The lender's redelivery of the same event is signed again, with its own timestamp.
        ResponseEntity<JsonNode> redelivered = post(SignedWebhooks.signed(webhookSecret,
                loanEvent(f), Instant.now().plusSeconds(2)));

        assertThat(redelivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(waitsForTheLender(f)).as("woken by the redelivery").isFalse();
        executeJob(f, "Task_CheckTransfer");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequestAndIsNotRemembered() {
        long remembered = rememberedSignatures();

        ResponseEntity<JsonNode> garbage =
                post(SignedWebhooks.signed(webhookSecret, "{\"event_type\": Loan."));
        ResponseEntity<JsonNode> empty = post(SignedWebhooks.signed(webhookSecret, ""));

        assertProblem(garbage, HttpStatus.BAD_REQUEST, "unreadable-body");
        assertProblem(empty, HttpStatus.BAD_REQUEST, "unreadable-body");
        assertThat(rememberedSignatures()).isEqualTo(remembered);
    }

    @Test
    void twoSimultaneousCopiesYieldOneAcceptanceAndOneReplayRefusal() throws Exception {
        String event = """
                {"event_type":"Loan.TO_VALIDATE","entity_type":"Loan","id":"loan-unknown-%s",\
                "status":"TO_VALIDATE","timestamp":"%s"}""".formatted(System.nanoTime(),
                Instant.now());
        HttpEntity<String> delivery = SignedWebhooks.signed(webhookSecret, event);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<HttpStatus>> copies = List.of(
                    CompletableFuture.supplyAsync(() -> sendAfter(together, delivery), pool),
                    CompletableFuture.supplyAsync(() -> sendAfter(together, delivery), pool));

            List<HttpStatus> statuses = copies.stream()
                    .map(c -> c.orTimeout(30, TimeUnit.SECONDS).join()).toList();

            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.ACCEPTED,
                    HttpStatus.CONFLICT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signaturesOlderThanTwiceTheToleranceAreForgotten() {
        Instant now = Instant.now();
        Duration keep = lender.webhookTolerance().multipliedBy(2);
        String old = "old-" + System.nanoTime();
        String recent = "recent-" + System.nanoTime();
        insertRemembered(old, now.minus(keep).minusSeconds(1));
        insertRemembered(recent, now.minus(keep).plusSeconds(60));
        // A fresh instance cleans up at its first use; the application's does so once a minute.
        ReceivedWebhooks store = new ReceivedWebhooks(jdbc, Clock.fixed(now, ZoneOffset.UTC),
                lender);

        assertThat(store.firstTime("a-new-signature-" + System.nanoTime())).isTrue();

        assertThat(isRemembered(old)).isFalse();
        assertThat(isRemembered(recent)).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A financing of its own business, validated: waits for the transfer or a lender event. */
    private FinancingView waitingForTheTransfer(String name) {
        Business b = connectedBusiness(name);
        FinancingView f = validated(issuedInvoiceFor(b, new BigDecimal("800.00"), 40));
        assertThat(waitsForTheLender(f)).isTrue();
        return f;
    }

    private static String loanEvent(FinancingView f) {
        return """
                {"event_type":"Loan.VALIDATED","entity_type":"Loan","id":"%s",\
                "status":"VALIDATED","timestamp":"%s","entity_state":{"id":"%s"}}\
                """.formatted(f.lenderLoanId(), Instant.now(), f.lenderLoanId());
    }

    private boolean waitsForTheLender(FinancingView f) {
        return runtime.createEventSubscriptionQuery().processInstanceId(f.processInstanceId())
                .eventName(JourneyModel.MESSAGE_LOAN_UPDATED).count() == 1;
    }

    private ResponseEntity<JsonNode> post(HttpEntity<String> request) {
        return rest.exchange(URL, HttpMethod.POST, request, JsonNode.class);
    }

    private HttpStatus sendAfter(CyclicBarrier barrier, HttpEntity<String> request) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return HttpStatus.valueOf(post(request).getStatusCode().value());
    }

    private void assertRefused(HttpEntity<String> request, String type) {
        assertProblem(post(request), HttpStatus.UNAUTHORIZED, type);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status,
                                      String type) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString())
                .startsWith("application/problem+json");
        assertThat(response.getBody().get("type").asText())
                .isEqualTo("https://cash-advance.local/problems/" + type);
        assertThat(response.getBody().get("detail").asText()).contains("nothing was changed");
    }

    private long rememberedSignatures() {
        return jdbc.queryForObject("select count(*) from received_webhook", Long.class);
    }

    private void insertRemembered(String key, Instant at) {
        jdbc.update("insert into received_webhook (signature_sha256, received_at) values (?, ?)",
                key, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private boolean isRemembered(String key) {
        return jdbc.queryForObject("select count(*) from received_webhook where "
                + "signature_sha256 = ?", Long.class, key) == 1;
    }
}
