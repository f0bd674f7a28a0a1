package fr.cashadvance.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local mail catcher of the default run.
 *
 * @param enabled start the catcher and send all mail to it instead of {@code spring.mail.*}
 * @param port SMTP port on 127.0.0.1; {@code 0} picks a free one (useful in tests)
 */
@ConfigurationProperties("mail-catcher")
public record MailCatcherProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3025") int port) {

    public MailCatcherProperties {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("mail-catcher.port must be 0..65535, got " + port);
        }
    }
}
