package fr.cashadvance.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of our outgoing mail under {@code mail.*}; the SMTP connection itself is configured
 * under {@code spring.mail.*} (or replaced by the local catcher, see {@link MailCatcher}).
 *
 * @param from the From header, display name included
 */
@ConfigurationProperties("mail")
public record MailSenderProperties(
        @DefaultValue(DEFAULT_FROM) String from) {

    public static final String DEFAULT_FROM =
            "Avance de trésorerie <no-reply@cash-advance.local>";
}
