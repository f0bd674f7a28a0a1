package fr.cashadvance.invoice.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an e-invoice says about itself, read from its header: nothing here is recomputed from
 * the lines.
 *
 * <p>Amounts have scale 2 and are signed as in the file (a credit note sent as type 380 carries
 * negative totals). {@code prepaidAmount} is zero when the file states none; {@code amountDue}
 * is BT-115 when present, else {@code totalTtc - prepaidAmount}.
 *
 * @param profile the CII guideline or UBL customization, shortened to {@code MINIMUM},
 *     {@code BASIC WL}, {@code BASIC}, {@code EN16931}, {@code EXTENDED} or {@code XRECHNUNG}
 *     when recognised, else the identifier as written; null when the file gives none
 * @param typeCode UNTDID 1001 document type, e.g. {@code 380} invoice, {@code 381} credit note
 * @param totalHt BT-109, total without VAT
 * @param totalVat BT-110, VAT total in the invoice currency (zero when absent)
 * @param totalTtc BT-112, total with VAT
 * @param prepaidAmount BT-113, amount already paid
 * @param amountDue BT-115, amount due for payment
 */
public record ParsedInvoice(
        EInvoiceFormat format,
        String profile,
        String number,
        String typeCode,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BigDecimal totalHt,
        BigDecimal totalVat,
        BigDecimal totalTtc,
        BigDecimal prepaidAmount,
        BigDecimal amountDue,
        Party seller,
        Party buyer) {

    public ParsedInvoice {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(totalHt, "totalHt");
        Objects.requireNonNull(totalVat, "totalVat");
        Objects.requireNonNull(totalTtc, "totalTtc");
        Objects.requireNonNull(prepaidAmount, "prepaidAmount");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
    }
}
