package fr.cashadvance.business;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A business with its lender connection and balance; the IBAN is masked. */
public record BusinessView(
        String id,
        String name,
        String siren,
        String siret,
        String apeCode,
        String iban,
        ConnectionStatus connectionStatus,
        String statusReason,
        Instant connectedAt,
        LocalDate connectedOn,
        BigDecimal creditLimit,
        BigDecimal outstanding,
        BigDecimal pendingValidation,
        BigDecimal availableBalance,
        BigDecimal feesDailyRate,
        String lenderBorrowerId) {
}
