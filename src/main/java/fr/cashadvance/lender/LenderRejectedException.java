package fr.cashadvance.lender;

/** The lender answered 4xx: the request itself is wrong or not allowed now; do not retry. */
public class LenderRejectedException extends LenderException {

    private final int httpStatus;
    private final String lenderMessage;

    public LenderRejectedException(int httpStatus, String lenderMessage, String message,
                                   Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.lenderMessage = lenderMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The lender's own explanation (problem detail or message), IBANs masked; may be empty. */
    public String lenderMessage() {
        return lenderMessage;
    }
}
