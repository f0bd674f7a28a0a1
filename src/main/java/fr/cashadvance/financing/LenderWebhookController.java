package fr.cashadvance.financing;

import fr.cashadvance.security.ScopedByCaller;
import com.fasterxml.jackson.databind.JsonNode;
import fr.cashadvance.business.CreditLineRefresh;
import fr.cashadvance.lender.LenderWebhookEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the lender's events. An event is only a hint that a loan changed: the process reads
 * the loan itself before acting, so duplicates, reordering and loss are all harmless (the
 * process also polls).
 */
@RestController
@Tag(name = "Lender webhooks")
public class LenderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(LenderWebhookController.class);

    private final FinancingRepository financings;
    private final RuntimeService runtime;
    private final CreditLineRefresh creditLines;

    public LenderWebhookController(FinancingRepository financings, RuntimeService runtime,
                                   CreditLineRefresh creditLines) {
        this.financings = financings;
        this.runtime = runtime;
        this.creditLines = creditLines;
    }

    @PostMapping("/api/lender/webhooks")
    @Operation(summary = "The lender's webhook: {event_type, entity_type, id, status, timestamp, "
            + "entity_state}")
    @ScopedByCaller("no business caller: the lender itself")
    public ResponseEntity<Map<String, Object>> receive(@RequestBody LenderWebhookEvent event) {
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
