package fr.cashadvance.mail;

import java.util.Objects;

/**
 * One email ready to be sent: a single recipient, a subject, and the same content as HTML and as
 * plain text (sent together as a multipart/alternative message).
 */
public record OutgoingMail(String to, String subject, String html, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
