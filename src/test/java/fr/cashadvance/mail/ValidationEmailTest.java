package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValidationEmailTest {

    private final ValidationEmail email = new ValidationEmail();

    static ValidationEmailContent content(String buyerName) {
        return new ValidationEmailContent(
                "Au bon moulin",
                "F124212",
                buyerName,
                new BigDecimal("1453.76"),
                new BigDecimal("30.53"),
                new BigDecimal("0.07"),
                LocalDate.of(2027, 1, 4),
                OffsetDateTime.of(2026, 12, 3, 13, 30, 0, 0, ZoneOffset.UTC),
                "https://app.example.test/financings/42/validate?token=ab&lang=fr",
                "https://app.example.test/financings/42/cancel?token=ab",
                "FR76 **** **** **** **** ***0 926");
    }

    @Test
    void subjectNamesTheInvoiceAndMailGoesToTheGivenAddress() {
        OutgoingMail mail = email.render("compta@moulin.example", content("Boulangerie Martin"));

        assertThat(mail.to()).isEqualTo("compta@moulin.example");
        assertThat(mail.subject()).isEqualTo(
                "Votre avance de trésorerie sur la facture F124212 est prête à être validée");
    }

    @Test
    void recapIsFormattedInFrenchInBothParts() {
        OutgoingMail mail = email.render("compta@moulin.example", content("Boulangerie Martin"));

        for (String part : new String[] {mail.text(), mail.html()}) {
            assertThat(part)
                    .contains("Au bon moulin")
                    .contains("1 453,76 €")
                    .contains("30,53 €")
                    .contains("0,07 % par jour")
                    .contains("lundi 4 janvier 2027")
                    // 13:30 UTC in December is 14:30 in Paris (winter time).
                    .contains("jeudi 3 décembre 2026 à 14 h 30 (heure de Paris)")
                    .contains("FR76 **** **** **** **** ***0 926")
                    .contains("Valider le prêt")
                    .contains("Refuser / annuler")
                    .contains("48 heures")
                    .contains("sans les frais");
        }
        assertThat(mail.text())
                .contains("- Montant avancé : 1 453,76 €")
                .contains("https://app.example.test/financings/42/validate?token=ab&lang=fr")
                .contains("https://app.example.test/financings/42/cancel?token=ab");
    }

    @Test
    void buttonsLinkToTheValidateAndCancelUrls() {
        OutgoingMail mail = email.render("compta@moulin.example", content("Boulangerie Martin"));

        assertThat(mail.html())
                .contains("<a href=\"https://app.example.test/financings/42/validate"
                        + "?token=ab&amp;lang=fr\"")
                .contains("<a href=\"https://app.example.test/financings/42/cancel?token=ab\"");
        assertThat(MailCatcher.links(mail.text(), mail.html())).containsExactly(
                "https://app.example.test/financings/42/validate?token=ab&lang=fr",
                "https://app.example.test/financings/42/cancel?token=ab");
    }

    @Test
    void buyerNamedLikeAScriptTagIsEscapedInHtmlAndLeftReadableInText() {
        OutgoingMail mail = email.render("compta@moulin.example",
                content("<script>alert('x')</script> & fils"));

        assertThat(mail.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; fils");
        assertThat(mail.text()).contains("adressée à <script>alert('x')</script> & fils.");
    }

    @Test
    void everyInterpolatedValueIsEscaped() {
        ValidationEmailContent hostile = new ValidationEmailContent(
                "Moulin \"<b>\"", "F<1>", "Acheteur", new BigDecimal("10.00"),
                new BigDecimal("0.01"), new BigDecimal("0.05"), LocalDate.of(2027, 1, 4),
                OffsetDateTime.of(2027, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC),
                "https://x.test/v?a=\"><img src=x>", "https://x.test/c", "**** <i>0926");

        String html = new ValidationEmail().render("a@b.test", hostile).html();

        assertThat(html)
                .doesNotContain("<b>").doesNotContain("<1>").doesNotContain("<img")
                .doesNotContain("<i>")
                .contains("Moulin &quot;&lt;b&gt;&quot;")
                .contains("F&lt;1&gt;")
                .contains("href=\"https://x.test/v?a=&quot;&gt;&lt;img src=x&gt;\"");
    }

    @Test
    void htmlIsSelfContained() {
        String html = email.render("a@b.test", content("Acheteur")).html();

        assertThat(html)
                .doesNotContain("<img").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("@import").doesNotContain("url(")
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"fr\">");
    }

    @Test
    void firstOfTheMonthAndSummerTimeReadAsInFrench() {
        ValidationEmailContent c = new ValidationEmailContent(
                "Au bon moulin", "F1", "Acheteur", new BigDecimal("1000000"),
                new BigDecimal("0.005"), new BigDecimal("0.075"), LocalDate.of(2027, 7, 1),
                OffsetDateTime.of(2027, 6, 28, 7, 5, 0, 0, ZoneOffset.UTC),
                "https://x.test/v", "https://x.test/c", "**** 0926");

        String text = email.render("a@b.test", c).text();

        assertThat(text)
                .contains("Montant avancé : 1 000 000,00 €")
                .contains("Frais estimés : 0,01 €")
                .contains("0,075 % par jour")
                .contains("jeudi 1er juillet 2027")
                // 07:05 UTC in June is 09:05 in Paris (summer time).
                .contains("lundi 28 juin 2027 à 9 h 05");
    }

    @Test
    void aFullIbanPassedByMistakeIsMaskedToItsLastFourCharacters() {
        ValidationEmailContent base = content("Acheteur");
        ValidationEmailContent unmasked = new ValidationEmailContent(base.businessName(),
                base.invoiceNumber(), base.buyerName(), base.amount(), base.feesEstimated(),
                base.dailyRatePercent(), base.repaymentDate(), base.validateBefore(),
                base.validateUrl(), base.cancelUrl(), "FR88 1111 1015 5936 0301 8280 926");

        OutgoingMail mail = email.render("a@b.test", unmasked);

        assertThat(mail.text()).contains("IBAN de réception : •••• 0926")
                .doesNotContain("1111 1015").doesNotContain("FR8811111015");
        assertThat(mail.html()).doesNotContain("1111 1015").doesNotContain("FR8811111015");
    }

    @Test
    void aLinkThatIsNotHttpIsRefused() {
        ValidationEmailContent base = content("Acheteur");
        ValidationEmailContent scripted = new ValidationEmailContent(base.businessName(),
                base.invoiceNumber(), base.buyerName(), base.amount(), base.feesEstimated(),
                base.dailyRatePercent(), base.repaymentDate(), base.validateBefore(),
                "javascript:alert(1)", base.cancelUrl(), base.maskedIban());

        assertThatThrownBy(() -> email.render("a@b.test", scripted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validateUrl");
    }
}
