package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A borrower's revolving credit line, in euro cents.
 * {@code balanceAvailable = poolAmount - balancePendingValidation - balanceOutstanding}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderCreditLine(
        @JsonProperty("pool_amount") long poolAmount,
        @JsonProperty("balance_available") long balanceAvailable,
        @JsonProperty("balance_pending_validation") long balancePendingValidation,
        @JsonProperty("balance_outstanding") long balanceOutstanding) {
}
