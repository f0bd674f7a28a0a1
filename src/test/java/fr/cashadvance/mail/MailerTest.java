package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The MIME structure Mailer builds, captured before it would reach a server. */
@ExtendWith(OutputCaptureExtension.class)
class MailerTest {

    private final List<MimeMessage> sent = new ArrayList<>();

    private final JavaMailSenderImpl capturing = new JavaMailSenderImpl() {
        @Override
        public void send(MimeMessage... messages) {
            sent.addAll(List.of(messages));
        }
    };

    private final Mailer mailer =
            new Mailer(capturing, new MailSenderProperties(MailSenderProperties.DEFAULT_FROM));

    @Test
    void sendsTextAndHtmlAsUtf8Alternatives() throws Exception {
        mailer.send(new OutgoingMail("Chloé <chloe@moulin.example>", "Objet accentué é",
                "<p>Prêt validé</p>", "Prêt validé"));

        MimeMessage message = sent.get(0);
        message.saveChanges();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase(
                "text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Prêt validé");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase(
                "text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Prêt validé</p>");
        assertThat(message.getSubject()).isEqualTo("Objet accentué é");
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    }

    @Test
    void fromIsTheConfiguredSenderWithItsAccentedName() throws Exception {
        mailer.send(new OutgoingMail("a@b.test", "s", "<p>h</p>", "t"));

        InternetAddress from = (InternetAddress) sent.get(0).getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@cash-advance.local");
        assertThat(from.getPersonal()).isEqualTo("Avance de trésorerie");
        assertThat(sent.get(0).getHeader("From")[0]).startsWith("=?UTF-8?");
    }

    @Test
    void lineBreaksInTheSubjectCannotAddHeaders() throws Exception {
        mailer.send(new OutgoingMail("a@b.test", "Facture F1\r\nBcc: victim@evil.test",
                "<p>h</p>", "t"));

        MimeMessage message = sent.get(0);
        assertThat(message.getSubject()).isEqualTo("Facture F1 Bcc: victim@evil.test");
        assertThat(message.getHeader("Bcc")).isNull();
    }

    @Test
    void logsTheSubjectAndOnlyTheRecipientsDomain(CapturedOutput output) {
        mailer.send(new OutgoingMail("chloe.martin@Moulin.Example", "Votre avance", "<p>h</p>",
                "t"));

        assertThat(output.getOut())
                .contains("Mail sent: subject='Votre avance', recipient domain=moulin.example")
                .doesNotContain("chloe.martin");
    }

    @Test
    void anInvalidRecipientFailsAsADeliveryError() {
        assertThatThrownBy(() -> mailer.send(new OutgoingMail("not an address", "s", "h", "t")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("Could not send mail 's'");
        assertThat(sent).isEmpty();
    }

    @Test
    void domainOfNamesOnlyTheDomain() {
        assertThat(Mailer.domainOf("Chloé <chloe@Moulin.example>")).isEqualTo("moulin.example");
        assertThat(Mailer.domainOf("nobody")).isEqualTo("(unknown)");
        assertThat(Mailer.domainOf(null)).isEqualTo("(unknown)");
    }
}
