package fr.cashadvance.lender;

/**
 * The lender could not be reached or failed on its side (I/O error, timeout, 5xx, 504 after its
 * own 30 s limit). The outcome is unknown: retry the same call, with the same {@code salt_id}
 * for a creation, so that the lender never creates two loans for one intention.
 */
public class LenderUnavailableException extends LenderException {

    public LenderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
