package fr.cashadvance.financing;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import fr.cashadvance.common.Money;
import fr.cashadvance.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page behind the validation email's link. Opening it changes nothing (mail scanners open
 * links); only the button's POST validates or cancels, and the link then stops working.
 */
@RestController
public class ValidationLinkController {

    private static final DateTimeFormatter FR = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private static final DateTimeFormatter DAY = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private final FinancingRepository financings;
    private final FinancingService service;
    private final Clock clock;

    public ValidationLinkController(FinancingRepository financings, FinancingService service,
                                    Clock clock) {
        this.financings = financings;
        this.service = service;
        this.clock = clock;
    }

    @GetMapping(path = "/validation", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(required = false) String token,
                                       @RequestParam(required = false) String action) {
        Optional<Financing> found = usable(token);
        if (found.isEmpty()) {
            return unusable();
        }
        FinancingView f = service.get(found.get().getId());
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
                FR.format(found.get().getValidationTokenExpiresAt()
                        .atZone(JourneyVariables.PARIS)),
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
        Optional<Financing> found = usable(token);
        if (found.isEmpty()) {
            return unusable();
        }
        String id = found.get().getId();
        try {
            if ("cancel".equals(action)) {
                service.cancel(id, "lien email");
                return page(HttpStatus.OK, "<h1>Demande annulée</h1><p>Votre demande d'avance "
                        + "a été annulée. Aucun virement ne sera effectué.</p>");
            }
            service.validate(id, "lien email");
        } catch (ApiProblem e) {
            return page(HttpStatus.CONFLICT, "<h1>Action impossible</h1><p>Cette demande ne peut "
                    + "plus être modifiée depuis ce lien.</p>");
        }
        return page(HttpStatus.OK, "<h1>Prêt validé</h1><p>Merci. Le prêteur dispose de "
                + "48 heures pour virer le montant sur votre compte.</p>");
    }

    private Optional<Financing> usable(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return financings.findByValidationTokenHash(ValidationTokens.hash(token))
                .filter(f -> f.getStatus() == FinancingStatus.TO_VALIDATE)
                .filter(f -> f.getValidationTokenExpiresAt() != null
                        && f.getValidationTokenExpiresAt().isAfter(Instant.now(clock)));
    }

    private static ResponseEntity<String> unusable() {
        return page(HttpStatus.GONE, "<h1>Lien invalide ou expiré</h1><p>Ce lien de validation "
                + "a déjà été utilisé, a expiré ou n'est pas valide. Rien n'a été modifié. "
                + "Retrouvez votre demande dans votre espace.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String body) {
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Avance de trésorerie</title><style>body{font-family:sans-serif;"
                + "max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em}"
                + "button{font-size:1.1em;padding:.5em 1.5em;margin-top:1em}</style></head><body>"
                + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
