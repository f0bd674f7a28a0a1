package fr.cashadvance.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends our emails over SMTP: one recipient, text and HTML as alternatives, UTF-8 throughout.
 * Failures surface as {@link MailDeliveryException} so the calling Camunda job is retried.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender sender;
    private final InternetAddress from;

    public Mailer(JavaMailSender sender, MailSenderProperties properties) {
        this.sender = sender;
        this.from = parseFrom(properties.from());
    }

    /** A file sent with a mail, such as the monthly fee statement PDF. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    public void send(OutgoingMail mail, Attachment... attachments) {
        String domain = domainOf(mail.to());
        String subject = singleLine(mail.subject());
        try {
            sender.send(toMimeMessage(mail, subject, attachments));
        } catch (MailException | MessagingException e) {
            // The address is personal data: name only its domain, here and in the job's incident.
            throw new MailDeliveryException(
                    "Could not send mail '" + subject + "' to a recipient at " + domain, e);
        }
        log.info("Mail sent: subject='{}', recipient domain={}", subject, domain);
    }

    private MimeMessage toMimeMessage(OutgoingMail mail, String subject,
                                      Attachment... attachments) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, parseRecipient(mail.to()));
        message.setSubject(subject, UTF_8);
        message.setSentDate(new Date());
        if (mail.businessId() != null) {
            message.setHeader(OutgoingMail.BUSINESS_HEADER, mail.businessId());
        }

        // Parts in increasing fidelity: clients show the last one they can render.
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (attachments.length == 0) {
            message.setContent(alternative);
            return message;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (Attachment a : attachments) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
            file.setFileName(a.filename());
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        return message;
    }

    private static InternetAddress parseRecipient(String to) throws AddressException {
        InternetAddress address = new InternetAddress(to, true);
        if (address.isGroup()) {
            throw new AddressException("A group address is not a single recipient");
        }
        return address;
    }

    private static InternetAddress parseFrom(String configured) {
        try {
            InternetAddress parsed = new InternetAddress(configured, true);
            // Re-create it so a non-ASCII display name ("trésorerie") is encoded as UTF-8 whatever
            // the JVM's default charset.
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException(
                    "mail.from is not a valid address: " + configured, e);
        }
    }

    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return "(unknown)";
        }
        return singleLine(address.substring(at + 1)).replace(">", "").trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Header values must not carry line breaks (header injection, and broken logs). */
    private static String singleLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
