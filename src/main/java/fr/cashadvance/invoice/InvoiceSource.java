package fr.cashadvance.invoice;

public enum InvoiceSource {
    JSON,
    CII,
    UBL,
    FACTURX_PDF
}
