package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the lender POSTs to our webhook endpoint. A hint only: read the loan again before acting,
 * and expect duplicates and any order.
 *
 * @param eventType   e.g. {@code Loan.TO_VALIDATE}, {@code Payment.PAID},
 *                    {@code CreditLine.BALANCE_UPDATED}
 * @param entityType  {@code Loan}, {@code Payment} or {@code CreditLine}
 * @param id          the entity's id; for {@code Loan} and {@code Payment} events of the sandbox,
 *                    the loan id
 * @param entityState the entity as JSON (the loan for {@code Loan} and {@code Payment} events)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderWebhookEvent(
        @JsonProperty("event_type") String eventType,
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("id") String id,
        @JsonProperty("status") String status,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("entity_state") JsonNode entityState) {
}
