package fr.cashadvance.invoice.einvoice;

/**
 * The bytes given are not an e-invoice this service can read. {@link #code()} is stable and
 * meant for clients and problem details; {@link #detail()} says why, in English, for a human.
 */
public class EInvoiceRejectedException extends RuntimeException {

    /** Why a file was rejected; each carries the stable code clients may rely on. */
    public enum Reason {
        EMPTY("einvoice.empty"),
        TOO_LARGE("einvoice.too-large"),
        NOT_XML("einvoice.not-xml"),
        DOCTYPE_FORBIDDEN("einvoice.doctype-forbidden"),
        UNKNOWN_ROOT("einvoice.unknown-root"),
        PDF_WITHOUT_INVOICE("einvoice.pdf-without-invoice"),
        UNREADABLE("einvoice.unreadable"),
        MISSING_FIELD("einvoice.missing-field"),
        INVALID_VALUE("einvoice.invalid-value");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final String detail;

    public EInvoiceRejectedException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public EInvoiceRejectedException(Reason reason, String detail, Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }

    public String detail() {
        return detail;
    }
}
