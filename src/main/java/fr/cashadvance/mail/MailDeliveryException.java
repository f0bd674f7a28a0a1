package fr.cashadvance.mail;

/**
 * The SMTP server did not accept a message. Unchecked so that it fails the Camunda job that sent
 * it, which the engine then retries.
 */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
