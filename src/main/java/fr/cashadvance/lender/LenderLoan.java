package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A loan as the lender returns it. Amounts and fees are euro cents.
 *
 * @param feesEstimated fees for the whole planned duration, at the current repayment date
 * @param feesOngoing   fees accrued so far (from the wire to today, or to the repayment)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderLoan(
        @JsonProperty("id") String id,
        @JsonProperty("status") LenderLoanStatus status,
        @JsonProperty("amount") long amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("borrower") NewLoan.Borrower borrower,
        @JsonProperty("to_pay_at") LocalDate toPayAt,
        @JsonProperty("to_repay_at") LocalDate toRepayAt,
        @JsonProperty("earliest_to_repay_at") LocalDate earliestToRepayAt,
        @JsonProperty("invoice_ids") List<String> invoiceIds,
        @JsonProperty("salt_id") String saltId,
        @JsonProperty("fees_daily_rate") BigDecimal feesDailyRate,
        @JsonProperty("fees_estimated") long feesEstimated,
        @JsonProperty("fees_ongoing") long feesOngoing,
        @JsonProperty("denial_reason") String denialReason,
        @JsonProperty("paid_at") Instant paidAt,
        @JsonProperty("repaid_at") Instant repaidAt,
        @JsonProperty("repayment_failed_at") Instant repaymentFailedAt,
        @JsonProperty("created_at") Instant createdAt) {

    public LenderLoan {
        invoiceIds = invoiceIds == null ? List.of() : List.copyOf(invoiceIds);
    }
}
