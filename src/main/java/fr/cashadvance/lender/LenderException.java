package fr.cashadvance.lender;

/** Any failure of a call to the lender. Messages never hold the API key or a full IBAN. */
public abstract class LenderException extends RuntimeException {

    protected LenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
