package fr.cashadvance.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's wiring: start the catcher, and point the application's mail sender at the
 * port it actually listens on. This bean replaces Spring Boot's sender built from
 * {@code spring.mail.*}, which can only know a static port. With {@code mail-catcher.enabled=false}
 * none of this exists and Spring Boot's sender talks to the real SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "mail-catcher", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MailCatcherProperties.class)
public class MailCatcherConfiguration {

    private static final String TIMEOUT_MILLIS = "10000";

    @Bean(destroyMethod = "stop")
    public MailCatcher mailCatcher(MailCatcherProperties properties) {
        return new MailCatcher(properties.port()).start();
    }

    @Bean
    public JavaMailSenderImpl mailSender(MailCatcher catcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(MailCatcher.BIND_ADDRESS);
        sender.setPort(catcher.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());

        Properties javaMail = new Properties();
        javaMail.setProperty("mail.smtp.auth", "false");
        javaMail.setProperty("mail.smtp.starttls.enable", "false");
        javaMail.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        javaMail.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        javaMail.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        sender.setJavaMailProperties(javaMail);
        return sender;
    }
}
