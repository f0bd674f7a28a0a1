package fr.cashadvance.financing;

import fr.cashadvance.security.ScopedByCaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.business.CreditLineRefresh;
import fr.cashadvance.lender.LenderProperties;
import fr.cashadvance.lender.LenderWebhookEvent;
import fr.cashadvance.lender.ReceivedWebhooks;
import fr.cashadvance.lender.WebhookSignature;
import fr.cashadvance.lender.WebhookSignature.Verdict;
import fr.cashadvance.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the lender's events. An event is only a hint that a loan changed: the process reads
 * the loan itself before acting, so duplicates, reordering and loss are all harmless (the
 * process also polls). Still, only a request signed by the lender, recent, and not seen before
 * is acted on (see {@link WebhookSignature}); the signature is this endpoint's authentication.
 */
// LIMITATION: we hold one key; rotation relies on the lender sending both signatures for a
// while. Two byte-identical events signed in the same second look like a replay (409); the
// lender retries with a new timestamp, so they only arrive later.
@RestController
@Tag(name = "Lender webhooks")
public class LenderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(LenderWebhookController.class);
    /** Far above any event the lender sends; the body is read whole before it is verified. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final FinancingRepository financings;
    private final RuntimeService runtime;
    private final CreditLineRefresh creditLines;
    private final WebhookSignature signature;
    private final Duration tolerance;
    private final ReceivedWebhooks received;
    private final Clock clock;
    private final ObjectMapper json;

    public LenderWebhookController(FinancingRepository financings, RuntimeService runtime,
                                   CreditLineRefresh creditLines, LenderProperties lender,
                                   ReceivedWebhooks received, Clock clock, ObjectMapper json) {
        this.financings = financings;
        this.runtime = runtime;
        this.creditLines = creditLines;
        this.signature = new WebhookSignature(lender.webhookSecret());
        this.tolerance = lender.webhookTolerance();
        this.received = received;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping("/api/lender/webhooks")
    @Operation(summary = "The lender's webhook: {event_type, entity_type, id, status, timestamp, "
            + "entity_state}, signed with headers X-Webhook-Timestamp and X-Webhook-Signature",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = LenderWebhookEvent.class))))
    @ScopedByCaller("no business caller: the lender, proven by its signature")
    public ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false)
            String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false)
            String signatureHeader,
            HttpServletRequest request) throws IOException {
        byte[] body = rawBody(request);
        String signed = verified(timestamp, signatureHeader, body);
        LenderWebhookEvent event = parse(body);
        if (!received.firstTime(signed)) {
            log.warn("Lender webhook refused: this signed request was already received");
            throw new ApiProblem(HttpStatus.CONFLICT, "webhook-replayed", "Webhook déjà reçu",
                    "This signed webhook was already received; nothing was changed. A redelivery "
                            + "must be signed again with a new timestamp.");
        }
        return handle(event);
    }

    /** The signature that covers this body, once it is known to be the lender's and recent. */
    private String verified(String timestamp, String signatureHeader, byte[] body) {
        WebhookSignature.Check check =
                signature.verify(timestamp, signatureHeader, body, clock.instant(), tolerance);
        if (check.valid()) {
            return check.signature().orElseThrow();
        }
        if (check.verdict() == Verdict.OUT_OF_TOLERANCE) {
            log.warn("Lender webhook refused: timestamp {} is more than {} from our clock",
                    timestamp, tolerance);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "webhook-timestamp-out-of-tolerance",
                    "Webhook hors délai", "X-Webhook-Timestamp is more than "
                            + tolerance.toSeconds() + " seconds away from the current time; "
                            + "nothing was changed.");
        }
        log.warn("Lender webhook refused: {}", check.verdict() == Verdict.UNSIGNED
                ? "no signature headers" : "signature does not match");
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "webhook-signature-invalid",
                "Signature du webhook invalide", "Send X-Webhook-Timestamp (unix seconds) and "
                        + "X-Webhook-Signature: v1=<hex HMAC-SHA256 of timestamp.body>; "
                        + "nothing was changed.");
    }

    private LenderWebhookEvent parse(byte[] body) {
        LenderWebhookEvent event;
        try {
            event = json.readValue(body, LenderWebhookEvent.class);
        } catch (IOException e) {
            event = null;
        }
        if (event == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unreadable-body",
                    "Corps de requête illisible",
                    "The request body is not valid JSON for this endpoint; nothing was changed.");
        }
        return event;
    }

    private static byte[] rawBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "webhook-too-large",
                        "Webhook trop volumineux",
                        "The body exceeds " + MAX_BODY_BYTES + " bytes; nothing was changed.");
            }
            return body;
        }
    }

    private ResponseEntity<Map<String, Object>> handle(LenderWebhookEvent event) {
        if ("CreditLine".equalsIgnoreCase(event.entityType())) {
            String siren = sirenOf(event);
            boolean known = siren != null && creditLines.refresh(siren);
            return ResponseEntity.ok(Map.of("handled", known));
        }
        String loanId = loanIdOf(event);
        if (loanId == null) {
            return ResponseEntity.accepted().body(Map.of("handled", false));
        }
        var financing = financings.findByLenderLoanId(loanId);
        if (financing.isEmpty() || financing.get().getProcessInstanceId() == null) {
            log.info("Lender event {} for unknown loan {} ignored", event.eventType(), loanId);
            return ResponseEntity.accepted().body(Map.of("handled", false));
        }
        String pid = financing.get().getProcessInstanceId();
        int woken;
        try {
            woken = runtime.createMessageCorrelation(JourneyModel.MESSAGE_LOAN_UPDATED)
                    .processInstanceId(pid).correlateAllWithResult().size();
        } catch (OptimisticLockingException e) {
            // Another event woke the same wait at the same moment: that read covers this one.
            woken = 0;
        } catch (ProcessEngineException e) {
            // The journey moved on meanwhile; it reads the loan at its next wait anyway.
            log.info("Lender event {} for financing {} not delivered to the journey: {}",
                    event.eventType(), financing.get().getId(), e.getMessage());
            woken = 0;
        }
        log.info("Lender event {} for financing {} (loan {}): {}", event.eventType(),
                financing.get().getId(), loanId, woken > 0 ? "journey woken" : "noted");
        return ResponseEntity.ok(Map.of("handled", true));
    }

    private static String sirenOf(LenderWebhookEvent event) {
        JsonNode state = event.entityState();
        if (state != null && state.hasNonNull("borrower")) {
            return state.get("borrower").asText();
        }
        return event.id();
    }

    private static String loanIdOf(LenderWebhookEvent event) {
        if ("Loan".equalsIgnoreCase(event.entityType())) {
            return event.id();
        }
        JsonNode state = event.entityState();
        if (state != null) {
            if (state.hasNonNull("loan_id")) {
                return state.get("loan_id").asText();
            }
            if (state.hasNonNull("id") && "Payment".equalsIgnoreCase(event.entityType())) {
                return state.get("id").asText();
            }
        }
        return null;
    }
}
