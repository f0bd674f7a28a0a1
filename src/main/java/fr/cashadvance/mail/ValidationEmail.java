package fr.cashadvance.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The email that asks the business to validate a financing the lender has accepted (status
 * {@code TO_VALIDATE}). Self-contained: inline styles only, no external image or stylesheet, so
 * it reads the same offline and leaks no tracking request.
 */
@Component
public class ValidationEmail {

    private static final Pattern FULL_IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");

    private static final String LABEL_CELL =
            "padding:6px 12px 6px 0;color:#52606d;vertical-align:top;";
    private static final String VALUE_CELL =
            "padding:6px 0;font-weight:bold;vertical-align:top;";
    private static final String BUTTON = "display:inline-block;padding:12px 28px;"
            + "background:#1a7f37;color:#ffffff;text-decoration:none;border-radius:4px;"
            + "font-weight:bold;font-size:16px;";

    public OutgoingMail render(String to, ValidationEmailContent c) {
        Recap recap = Recap.of(c);
        String subject = "Votre avance de trésorerie sur la facture "
                + singleLine(c.invoiceNumber()) + " est prête à être validée";
        return new OutgoingMail(to, subject, html(subject, c, recap), text(c, recap));
    }

    private static String html(String subject, ValidationEmailContent c, Recap recap) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<title>").append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f4f5f7;")
                .append("font-family:Arial,Helvetica,sans-serif;color:#1f2933;")
                .append("font-size:15px;line-height:1.5;\">\n")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;")
                .append("padding:24px;border-radius:6px;\">\n");

        html.append("<p>Bonjour ").append(escape(c.businessName())).append(",</p>\n")
                .append("<p>Le prêteur accepte d’avancer le montant de votre facture <strong>")
                .append(escape(c.invoiceNumber())).append("</strong> adressée à <strong>")
                .append(escape(c.buyerName()))
                .append("</strong>. Il ne vous reste qu’à valider le prêt.</p>\n");

        html.append("<table role=\"presentation\" style=\"border-collapse:collapse;")
                .append("margin:16px 0;\">\n");
        row(html, "Montant avancé", recap.amount());
        row(html, "Frais estimés", recap.fees());
        row(html, "Taux journalier", recap.dailyRate());
        row(html, "Date de remboursement", recap.repaymentDate());
        row(html, "IBAN de réception", recap.iban());
        row(html, "À valider avant le", recap.validateBefore());
        html.append("</table>\n");

        html.append("<p style=\"text-align:center;margin:24px 0 8px;\"><a href=\"")
                .append(escape(c.validateUrl())).append("\" style=\"").append(BUTTON)
                .append("\">Valider le prêt</a></p>\n")
                .append("<p style=\"text-align:center;margin:0 0 24px;\"><a href=\"")
                .append(escape(c.cancelUrl()))
                .append("\" style=\"color:#b42318;\">Refuser / annuler</a></p>\n");

        html.append("<p>").append(escape(afterValidation())).append("</p>\n")
                .append("<p>").append(escape(deadline(recap))).append("</p>\n")
                .append("<p style=\"font-size:13px;color:#52606d;\">")
                .append(escape(feesNote())).append("</p>\n")
                .append("<p>Cordialement,<br>L’équipe Avance de trésorerie</p>\n")
                .append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td style=\"").append(LABEL_CELL).append("\">").append(escape(label))
                .append("</td><td style=\"").append(VALUE_CELL).append("white-space:nowrap;\">")
                .append(escape(value)).append("</td></tr>\n");
    }

    private static String text(ValidationEmailContent c, Recap recap) {
        return "Bonjour " + c.businessName() + ",\n\n"
                + "Le prêteur accepte d’avancer le montant de votre facture "
                + c.invoiceNumber() + " adressée à " + c.buyerName()
                + ". Il ne vous reste qu’à valider le prêt.\n\n"
                + "Récapitulatif\n"
                + "- Montant avancé : " + recap.amount() + "\n"
                + "- Frais estimés : " + recap.fees() + "\n"
                + "- Taux journalier : " + recap.dailyRate() + "\n"
                + "- Date de remboursement : " + recap.repaymentDate() + "\n"
                + "- IBAN de réception : " + recap.iban() + "\n"
                + "- À valider avant le : " + recap.validateBefore() + "\n\n"
                + "Valider le prêt :\n" + c.validateUrl() + "\n\n"
                + "Refuser / annuler :\n" + c.cancelUrl() + "\n\n"
                + afterValidation() + "\n\n"
                + deadline(recap) + "\n\n"
                + feesNote() + "\n\n"
                + "Cordialement,\nL’équipe Avance de trésorerie\n";
    }

    private static String afterValidation() {
        return "Après votre validation, le prêteur vire le montant avancé sur ce compte sous "
                + "48 heures. À la date de remboursement, il prélève ce même montant, sans les "
                + "frais, sur le même compte.";
    }

    private static String deadline(Recap recap) {
        return "Sans validation de votre part avant le " + recap.validateBefore()
                + ", la demande sera annulée.";
    }

    private static String feesNote() {
        return "Les frais estimés valent pour la date de remboursement choisie ; les frais réels "
                + "dépendent du nombre de jours effectifs et sont facturés à part par le "
                + "prêteur, en début de mois.";
    }

    /** The recap values, formatted once for both the HTML and the text part. */
    private record Recap(String amount, String fees, String dailyRate, String repaymentDate,
            String iban, String validateBefore) {

        static Recap of(ValidationEmailContent c) {
            requireWebUrl(c.validateUrl(), "validateUrl");
            requireWebUrl(c.cancelUrl(), "cancelUrl");
            return new Recap(
                    FrenchFormat.euros(c.amount()),
                    FrenchFormat.euros(c.feesEstimated()),
                    FrenchFormat.percent(c.dailyRatePercent()) + " par jour",
                    FrenchFormat.date(c.repaymentDate()),
                    displayIban(c.maskedIban()),
                    FrenchFormat.dateTime(c.validateBefore().toInstant()) + " (heure de Paris)");
        }
    }

    /** Only web links may become buttons: a {@code javascript:} URL would run in some clients. */
    private static void requireWebUrl(String url, String name) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException(name + " must be an http(s) URL");
        }
    }

    /** Shows the caller's masked IBAN; masks it here if a full IBAN was passed by mistake. */
    static String displayIban(String maskedIban) {
        String compact = maskedIban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (FULL_IBAN.matcher(compact).matches()) {
            return "•••• " + compact.substring(compact.length() - 4);
        }
        return singleLine(maskedIban);
    }

    private static String singleLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** Escapes only what HTML needs ({@code <>&"'}); accents stay readable in UTF-8. */
    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
