package fr.cashadvance.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice as the API shows it. */
public record InvoiceView(
        String id,
        String businessId,
        String number,
        String typeCode,
        InvoiceState state,
        boolean locked,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BigDecimal totalHt,
        BigDecimal totalVat,
        BigDecimal totalTtc,
        BigDecimal prepaidAmount,
        BigDecimal amountOwed,
        Party seller,
        Party buyer,
        InvoiceSource source,
        String sourceProfile,
        Instant createdAt,
        Instant updatedAt) {

    public record Party(String name, String siren, String vatNumber, String country) {
    }

    static InvoiceView of(Invoice i) {
        return new InvoiceView(i.getId(), i.getBusinessId(), i.getNumber(), i.getTypeCode(),
                i.getState(), i.isLocked(), i.getIssueDate(), i.getDueDate(), i.getCurrency(),
                i.getTotalHt(), i.getTotalVat(), i.getTotalTtc(), i.getPrepaidAmount(),
                i.amountOwed(),
                new Party(i.getSellerName(), i.getSellerSiren(), i.getSellerVatNumber(), null),
                new Party(i.getBuyerName(), i.getBuyerSiren(), i.getBuyerVatNumber(),
                        i.getBuyerCountry()),
                i.getSource(), i.getSourceProfile(), i.getCreatedAt(), i.getUpdatedAt());
    }
}
