package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A borrower's revolving credit line, in euro cents.
 * {@code balanceAvailable = poolAmount - balancePendingValidation - balanceOutstanding}.
 *
 * @param status {@code ACTIVE} or {@code BLOCKED} (kept as text: the lender may add more); the
 *               sandbox reports a zero {@code balanceAvailable} while the line is blocked
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderCreditLine(
        @JsonProperty("pool_amount") long poolAmount,
        @JsonProperty("balance_available") long balanceAvailable,
        @JsonProperty("balance_pending_validation") long balancePendingValidation,
        @JsonProperty("balance_outstanding") long balanceOutstanding,
        @JsonProperty("status") String status) {

    public static final String ACTIVE = "ACTIVE";
    public static final String BLOCKED = "BLOCKED";
}
