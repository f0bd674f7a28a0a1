package fr.cashadvance.financing;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import fr.cashadvance.common.Money;
import fr.cashadvance.web.ApiProblem;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page behind the validation email's link. Opening it changes nothing (mail scanners open
 * links); only the button's POST validates or cancels, and the link then stops working. A link
 * that is altered, expired, used or no longer fits the financing gets its own page, and changes
 * nothing. The token is written back only into the form of a usable link's page.
 */
@RestController
public class ValidationLinkController {

    private static final DateTimeFormatter FR = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private static final DateTimeFormatter DAY = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private static final String NOTHING_CHANGED = "Rien n'a été modifié. Votre demande reste "
            + "visible dans Tasklist (tâches de votre entreprise) et sur votre plateforme de "
            + "facturation.";

    private final ValidationLinks links;
    private final FinancingService service;

    ValidationLinkController(ValidationLinks links, FinancingService service) {
        this.links = links;
        this.service = service;
    }

    @GetMapping(path = "/validation", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(required = false) String token,
                                       @RequestParam(required = false) String action) {
        ValidationLinks.Check check = links.inspect(token);
        if (check.state() != ValidationLinks.State.USABLE) {
            return refusal(check.state());
        }
        FinancingView f = service.get(check.financing().getId());
        boolean cancel = "cancel".equals(action);
        String body = """
                <h1>%s</h1>
                <table>
                <tr><th>Facture</th><td>%s</td></tr>
                <tr><th>Montant avancé</th><td>%s</td></tr>
                <tr><th>Frais estimés</th><td>%s</td></tr>
                <tr><th>Date de remboursement</th><td>%s</td></tr>
                <tr><th>À valider avant le</th><td>%s</td></tr>
                </table>
                <form method="post" action="/validation">
                <input type="hidden" name="token" value="%s">
                <input type="hidden" name="action" value="%s">
                <button type="submit">%s</button>
                </form>
                """.formatted(cancel ? "Annuler la demande d'avance" : "Valider le prêt",
                htmlEscape(f.invoiceNumber()), Money.formatFr(f.amount()),
                Money.formatFr(f.feesEstimated()), DAY.format(f.repaymentDate()),
                FR.format(check.claims().expiresAt().atZone(JourneyVariables.PARIS)),
                htmlEscape(token), cancel ? "cancel" : "validate",
                cancel ? "Confirmer l'annulation" : "Je valide le prêt");
        return page(HttpStatus.OK, body);
    }

    @PostMapping(path = "/validation", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> act(@RequestParam(required = false) String token,
                                      @RequestParam(required = false) String action) {
        if (!"validate".equals(action) && !"cancel".equals(action)) {
            return page(HttpStatus.BAD_REQUEST, "<h1>Action inconnue</h1><p>Utilisez le bouton "
                    + "de la page reçue par email. Rien n'a été modifié.</p>");
        }
        boolean cancel = "cancel".equals(action);
        ValidationLinks.Check check;
        try {
            check = links.use(token, cancel);
        } catch (ApiProblem refused) {
            // The service said no after our checks (the journey moved meanwhile): rolled back.
            return refusal(ValidationLinks.State.NOT_ALLOWED);
        }
        if (check.state() != ValidationLinks.State.USABLE) {
            return refusal(check.state());
        }
        if (cancel) {
            return page(HttpStatus.OK, "<h1>Demande annulée</h1><p>Votre demande d'avance "
                    + "a été annulée. Aucun virement ne sera effectué.</p>");
        }
        return page(HttpStatus.OK, "<h1>Prêt validé</h1><p>Merci. Le prêteur dispose de "
                + "48 heures pour virer le montant sur votre compte.</p>");
    }

    private static ResponseEntity<String> refusal(ValidationLinks.State state) {
        return switch (state) {
            case INVALID -> page(HttpStatus.BAD_REQUEST, "<h1>Lien invalide</h1><p>Ce lien de "
                    + "validation est incomplet ou a été modifié. Ouvrez le lien tel qu'il figure "
                    + "dans l'email reçu. " + NOTHING_CHANGED + "</p>");
            case EXPIRED -> page(HttpStatus.GONE, "<h1>Lien expiré</h1><p>Le délai de "
                    + "validation de cette demande est dépassé. " + NOTHING_CHANGED + "</p>");
            case USED -> page(HttpStatus.GONE, "<h1>Lien déjà utilisé</h1><p>Ce lien a déjà "
                    + "servi, ou un email plus récent l'a remplacé, ou la demande a été traitée "
                    + "autrement. " + NOTHING_CHANGED + "</p>");
            case NOT_ALLOWED, USABLE -> page(HttpStatus.CONFLICT, "<h1>Action impossible</h1>"
                    + "<p>Cette demande ne peut plus être modifiée depuis ce lien. "
                    + NOTHING_CHANGED + "</p>");
        };
    }

    /** The token sits in the address: no cache keeps the page, no referrer carries it away. */
    private static ResponseEntity<String> page(HttpStatus status, String body) {
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Avance de trésorerie</title><style>body{font-family:sans-serif;"
                + "max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em}"
                + "button{font-size:1.1em;padding:.5em 1.5em;margin-top:1em}</style></head><body>"
                + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                // The page has only its inline style and a form posting to itself.
                .header("Content-Security-Policy", "default-src 'none'; style-src "
                        + "'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'")
                .body(html);
    }
}
