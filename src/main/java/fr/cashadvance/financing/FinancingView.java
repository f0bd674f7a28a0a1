package fr.cashadvance.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A financing as the API shows it, with its full status history. */
public record FinancingView(
        String id,
        String invoiceId,
        String invoiceNumber,
        String businessId,
        FinancingStatus status,
        String statusLabel,
        BigDecimal amount,
        String currency,
        LocalDate repaymentDate,
        boolean repaymentPostponed,
        BigDecimal feesDailyRate,
        BigDecimal feesEstimated,
        BigDecimal feesAccrued,
        BigDecimal feesFinal,
        BigDecimal creditLimit,
        BigDecimal availableBalance,
        String lenderLoanId,
        String processInstanceId,
        Instant requestedAt,
        Instant confirmedAt,
        Instant validatedAt,
        Instant transferDeadline,
        Instant fundedAt,
        Instant repaidAt,
        String outcomeReason,
        List<HistoryEntry> history) {

    public record HistoryEntry(FinancingStatus status, String statusLabel, Instant at, String cause,
                               String actor) {
    }
}
