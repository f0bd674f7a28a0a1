package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A validation email sent through Mailer over real SMTP to the catcher, and read back. */
class MailCatcherRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    private MailCatcher catcher;
    private Mailer mailer;

    @BeforeEach
    void startCatcherOnAFreePort() {
        catcher = new MailCatcher(0, Clock.fixed(NOW, ZoneOffset.UTC)).start();
        mailer = new Mailer(senderTo(catcher.port()),
                new MailSenderProperties(MailSenderProperties.DEFAULT_FROM));
    }

    @AfterEach
    void stopCatcher() {
        catcher.stop();
    }

    @Test
    void validationEmailArrivesWithSubjectBothPartsAndLinks() {
        ValidationEmailContent content = ValidationEmailTest.content("<script>");
        OutgoingMail mail = new ValidationEmail().render("compta@moulin.example", content);

        mailer.send(mail);

        assertThat(catcher.port()).isPositive();
        assertThat(catcher.messages()).singleElement().satisfies(caught -> {
            assertThat(caught.index()).isZero();
            assertThat(caught.to()).isEqualTo("compta@moulin.example");
            assertThat(caught.subject()).isEqualTo(mail.subject());
            assertThat(caught.receivedAt()).isEqualTo(NOW);
            assertThat(caught.text()).isEqualTo(mail.text());
            assertThat(caught.html()).isEqualTo(mail.html());
            assertThat(caught.html()).contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(caught.text()).contains("1 453,76 €", "lundi 4 janvier 2027");
            assertThat(caught.links()).containsExactly(
                    "https://app.example.test/financings/42/validate?token=ab&lang=fr",
                    "https://app.example.test/financings/42/cancel?token=ab");
        });
    }

    @Test
    void messagesKeepTheirArrivalIndex() {
        mailer.send(new OutgoingMail("a@one.test", "premier", "<p>1</p>", "1"));
        mailer.send(new OutgoingMail("b@two.test", "second", "<p>2</p>", "2"));

        assertThat(catcher.messages()).extracting(CaughtMail::index, CaughtMail::subject)
                .containsExactly(tuple(0, "premier"), tuple(1, "second"));
        assertThat(catcher.message(1)).get().extracting(CaughtMail::to).isEqualTo("b@two.test");
        assertThat(catcher.message(2)).isEmpty();
        assertThat(catcher.message(-1)).isEmpty();
    }

    @Test
    void sendingToAStoppedServerFailsSoTheJobIsRetried() {
        int port = catcher.port();
        catcher.stop();

        assertThatThrownBy(() -> mailer.send(new OutgoingMail("a@b.test", "s", "h", "t")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessage("Could not send mail 's' to a recipient at b.test");
        assertThat(catcher.isRunning()).isFalse();
        assertThat(port).isPositive();
    }

    @Test
    void portIsOnlyKnownWhileRunning() {
        MailCatcher idle = new MailCatcher(0);

        assertThatThrownBy(idle::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MailCatcher(70_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortAlreadyTakenIsReportedAsSuch() {
        MailCatcher second = new MailCatcher(catcher.port());

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + catcher.port())
                .hasMessageContaining("mail-catcher.port");
        assertThat(second.isRunning()).isFalse();
        assertThat(catcher.isRunning()).isTrue();
    }

    static JavaMailSenderImpl senderTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(MailCatcher.BIND_ADDRESS);
        sender.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
