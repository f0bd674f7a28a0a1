package fr.cashadvance.mail;

import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The default run's webmail: what the {@link MailCatcher} received, so a newcomer can open the
 * validation email and click its links. Absent in production.
 */
@RestController
@RequestMapping("/mailbox")
@ConditionalOnProperty(prefix = "mail-catcher", name = "enabled", havingValue = "true")
public class MailboxController {

    /**
     * The email body is our own, but anything that reaches the catcher's port is shown here: a
     * sandboxed page with no scripts cannot act on the application's origin.
     */
    static final String MESSAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; sandbox allow-popups allow-popups-to-escape-sandbox";

    private static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(FrenchFormat.PARIS);
    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML,
            StandardCharsets.UTF_8);

    private final MailCatcher catcher;
    private final BusinessScope scope;

    public MailboxController(MailCatcher catcher, BusinessScope scope) {
        this.catcher = catcher;
        this.scope = scope;
    }

    /** Every received message, newest first. */
    @GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CaughtMail> messages() {
        return newestFirst();
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> mailbox(HttpServletRequest request) {
        String base = request.getContextPath() + "/mailbox/";
        List<CaughtMail> mails = newestFirst();

        StringBuilder page = new StringBuilder(2048);
        page.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<title>Boîte de réception de démonstration</title>\n")
                .append("<style>body{font-family:Arial,Helvetica,sans-serif;margin:24px;")
                .append("color:#1f2933}table{border-collapse:collapse}th,td{text-align:left;")
                .append("padding:6px 16px 6px 0;border-bottom:1px solid #e4e7eb}</style>\n")
                .append("</head>\n<body>\n<h1>Boîte de réception de démonstration</h1>\n")
                .append("<p>Les emails envoyés par l’application pendant cette exécution. ")
                .append("Ils sont gardés en mémoire et disparaissent au redémarrage.</p>\n");

        if (mails.isEmpty()) {
            page.append("<p>Aucun message reçu pour l’instant.</p>\n");
        } else {
            page.append("<table>\n<thead><tr><th>Date</th><th>Destinataire</th><th>Objet</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (CaughtMail mail : mails) {
                String subject = mail.subject().isBlank() ? "(sans objet)" : mail.subject();
                page.append("<tr><td>").append(RECEIVED.format(mail.receivedAt()))
                        .append("</td><td>").append(escape(mail.to()))
                        .append("</td><td><a href=\"").append(escape(base + mail.index()))
                        .append("\">").append(escape(subject)).append("</a></td></tr>\n");
            }
            page.append("</tbody>\n</table>\n");
        }
        page.append("</body>\n</html>\n");
        return ResponseEntity.ok().contentType(HTML_UTF8).body(page.toString());
    }

    /** The message's HTML body as sent (or its text, escaped, when it has no HTML part). */
    @GetMapping(path = "/{index:\\d+}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> message(@PathVariable int index) {
        CaughtMail mail = catcher.message(index).filter(visibleToCaller()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Message introuvable"));

        String body = mail.html().isBlank()
                ? "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"></head><body>"
                        + "<pre>" + escape(mail.text()) + "</pre></body></html>"
                : mail.html();
        return ResponseEntity.ok()
                .contentType(HTML_UTF8)
                .header("Content-Security-Policy", MESSAGE_CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private List<CaughtMail> newestFirst() {
        return catcher.messages().stream()
                .filter(visibleToCaller())
                .sorted(Comparator.comparingInt(CaughtMail::index).reversed())
                .toList();
    }

    /**
     * A business's people see the mails sent for their business, recognised by the business id
     * our mailer puts in a header, never by an address (a user may edit its own, and a business
     * its representative's); nobody else sees any, since a validation email carries the
     * business's decision. Outside any login (unit tests) everything shows.
     */
    private Predicate<CaughtMail> visibleToCaller() {
        Caller caller = scope.current();
        if (caller == Caller.SYSTEM) {
            return mail -> true;
        }
        Set<String> own = scope.ownBusinessIds();
        return mail -> mail.businessId() != null && own.contains(mail.businessId());
    }

    /** Escapes only what HTML needs ({@code <>&"'}); accents stay readable in UTF-8. */
    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
