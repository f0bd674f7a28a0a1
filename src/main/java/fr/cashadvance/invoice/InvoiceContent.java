package fr.cashadvance.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The business content of an invoice, whatever format it came in. */
public record InvoiceContent(
        String number,
        String typeCode,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BigDecimal totalHt,
        BigDecimal totalVat,
        BigDecimal totalTtc,
        BigDecimal prepaidAmount,
        String sellerName,
        String sellerSiren,
        String sellerVatNumber,
        String buyerName,
        String buyerSiren,
        String buyerVatNumber,
        String buyerCountry,
        String sourceProfile) {
}
