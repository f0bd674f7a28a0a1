package fr.cashadvance.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message received by the {@link MailCatcher}, already decoded for display and for tests.
 *
 * @param index position in arrival order, starting at 0; stable for the catcher's lifetime
 * @param to the recipient this copy was delivered to
 * @param businessId the business it was sent for (our header), null if none
 * @param subject decoded subject, empty when absent
 * @param receivedAt when the catcher received it
 * @param text the text/plain part, empty when absent
 * @param html the text/html part, empty when absent
 * @param links the distinct http(s) URLs found in the text and HTML parts, in order of appearance
 */
public record CaughtMail(
        int index,
        String to,
        String businessId,
        String subject,
        Instant receivedAt,
        String text,
        String html,
        List<String> links) {

    public CaughtMail {
        links = List.copyOf(links);
    }
}
