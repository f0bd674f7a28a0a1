package fr.cashadvance.mail;

import java.util.Objects;

/**
 * One email ready to be sent: a single recipient, a subject, and the same content as HTML and as
 * plain text (sent together as a multipart/alternative message).
 *
 * @param businessId the business the mail is sent for, carried in a header; null for none
 */
public record OutgoingMail(String to, String subject, String html, String text,
                           String businessId) {

    /** The header naming the business a mail was sent for. */
    public static final String BUSINESS_HEADER = "X-Cash-Advance-Business";

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    public OutgoingMail(String to, String subject, String html, String text) {
        this(to, subject, html, text, null);
    }

    /** The same mail, sent for this business. */
    public OutgoingMail forBusiness(String id) {
        return new OutgoingMail(to, subject, html, text, id);
    }
}
