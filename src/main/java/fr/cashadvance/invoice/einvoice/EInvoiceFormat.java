package fr.cashadvance.invoice.einvoice;

/** The container and syntax an e-invoice arrived in. */
public enum EInvoiceFormat {
    /** A PDF/A-3 carrying a CII XML (Factur-X, ZUGFeRD 2.x). */
    FACTURX_PDF,
    /** A bare UN/CEFACT Cross Industry Invoice XML. */
    CII,
    /** A bare OASIS UBL 2.1 Invoice or CreditNote XML. */
    UBL
}
