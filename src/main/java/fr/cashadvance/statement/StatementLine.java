package fr.cashadvance.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One loan's fees for the month: what we compute, and what the lender billed. */
public record StatementLine(
        String financingId,
        String loanId,
        String invoiceNumber,
        BigDecimal amount,
        LocalDate fundedOn,
        LocalDate repaidOn,
        BigDecimal fee,
        BigDecimal lenderFee) {
}
