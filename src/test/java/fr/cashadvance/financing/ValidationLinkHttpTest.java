package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.cashadvance.business.Business;
import fr.cashadvance.invoice.InvoiceView;
import fr.cashadvance.mail.CaughtMail;
import fr.cashadvance.mail.MailCatcher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The validation email's links, followed over HTTP as the business would: each acts once, on
 * its own financing, and every refused link leaves the financing as it was.
 */
class ValidationLinkHttpTest extends JourneyTestSupport {

    @Autowired MailCatcher mailCatcher;
    @Autowired ValidationLinkCodec codec;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aValidLinkValidatesItsFinancingAndNoOther() {
        Business b = connectedBusiness("Lien Valide");
        InvoiceView mine = issuedInvoiceFor(b, new BigDecimal("1300.00"), 40);
        InvoiceView other = issuedInvoiceFor(b, new BigDecimal("1400.00"), 40);
        FinancingView f = toValidate(mine);
        FinancingView g = toValidate(other);
        String token = tokenFrom(validationLink(b, mine));

        ResponseEntity<String> page = get(token);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Je valide le prêt", mine.number(),
                        fr.cashadvance.common.Money.formatFr(new BigDecimal("1300.00")))
                .contains("name=\"token\" value=\"" + token + "\"");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(status(f.id())).as("opening the page changes nothing")
                .isEqualTo(FinancingStatus.TO_VALIDATE);

        ResponseEntity<String> done = post(token, "validate");

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("Prêt validé").doesNotContain(token);
        FinancingView validated = financings.get(f.id());
        assertThat(validated.status()).isEqualTo(FinancingStatus.VALIDATED);
        assertThat(validated.history()).last()
                .extracting(FinancingView.HistoryEntry::actor).isEqualTo(ValidationLinks.ACTOR);
        assertThat(instanceOf(f)).hasPassed(JourneyModel.TASK_VALIDATE_LOAN);
        assertThat(financingRepository.findById(f.id()).orElseThrow().getValidationTokenHash())
                .isNull();
        assertThat(status(g.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(instanceOf(g)).isWaitingAt(JourneyModel.TASK_VALIDATE_LOAN);
        financings.cancel(g.id(), "test");
    }

    @Test
    void aUsedLinkGetsItsOwnPageAndChangesNothing() {
        Emailed link = emailedLink("Lien Utilise", "1500.00");
        FinancingView f = link.financing();
        String token = link.token();
        assertThat(post(token, "validate").getStatusCode()).isEqualTo(HttpStatus.OK);
        int events = financings.get(f.id()).history().size();

        ResponseEntity<String> again = post(token, "validate");
        ResponseEntity<String> cancel = post(token, "cancel");
        ResponseEntity<String> page = get(token);

        for (ResponseEntity<String> r : List.of(again, cancel, page)) {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.GONE);
            assertThat(r.getBody()).contains("Lien déjà utilisé", "Rien n'a été modifié")
                    .doesNotContain(token);
        }
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
        assertThat(financings.get(f.id()).history()).hasSize(events);
    }

    @Test
    void aLinkAfterValidationInTheApiChangesNothing() {
        Emailed link = emailedLink("Lien Api", "1550.00");
        FinancingView f = link.financing();
        String token = link.token();
        financings.validate(f.id(), "platform");

        ResponseEntity<String> cancel = post(token, "cancel");

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(cancel.getBody()).contains("Lien déjà utilisé");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
    }

    @Test
    void aLinkWhoseFinancingMovedOnIsAConflictAndChangesNothing() {
        Emailed link = emailedLink("Lien Conflit", "1580.00");
        FinancingView f = link.financing();
        String token = link.token();
        financings.validate(f.id(), "platform");
        // A step that moves the financing on without using up its link: the status still rules.
        storeLink(f.id(), token, Instant.now().plus(Duration.ofDays(1)));

        ResponseEntity<String> cancel = post(token, "cancel");

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cancel.getBody()).contains("Action impossible").doesNotContain(token);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
    }

    @Test
    void anExpiredLinkGetsItsOwnPageAndChangesNothing() {
        Business b = connectedBusiness("Lien Expire");
        FinancingView f = toValidate(issuedInvoiceFor(b, new BigDecimal("1600.00"), 40));
        // The app's clock is the real one: a link whose deadline has passed is minted instead.
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        String expired = codec.mint(f.id(), f.processInstanceId(),
                JourneyModel.TASK_VALIDATE_LOAN, past);
        storeLink(f.id(), expired, past);

        ResponseEntity<String> page = get(expired);
        ResponseEntity<String> validate = post(expired, "validate");

        for (ResponseEntity<String> r : List.of(page, validate)) {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.GONE);
            assertThat(r.getBody()).contains("Lien expiré").doesNotContain(expired);
        }
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(instanceOf(f)).isWaitingAt(JourneyModel.TASK_VALIDATE_LOAN);
        assertThat(financingRepository.findById(f.id()).orElseThrow().getValidationTokenHash())
                .as("an expired link does not use up anything")
                .isEqualTo(ValidationLinkCodec.hash(expired));
        financings.cancel(f.id(), "test");
    }

    @Test
    void anAlteredLinkGetsItsOwnPageAndTheRealOneStillWorks() {
        Emailed link = emailedLink("Lien Altere", "1700.00");
        FinancingView f = link.financing();
        String token = link.token();
        char first = token.charAt(0);
        String altered = (first == 'Z' ? 'Y' : 'Z') + token.substring(1);

        List<ResponseEntity<String>> refused = List.of(get(altered), post(altered, "validate"),
                post(token.substring(0, token.length() - 3), "validate"),
                post("garbage", "cancel"), post(null, "validate"), get("x".repeat(5000)));

        for (ResponseEntity<String> r : refused) {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("Lien invalide").doesNotContain(altered)
                    .doesNotContain("xxxxx");
        }
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(post(token, "validate").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
    }

    @Test
    void aLinkForOneFinancingCannotBeTurnedTowardsAnother() {
        Business b = connectedBusiness("Lien Detourne");
        InvoiceView mine = issuedInvoiceFor(b, new BigDecimal("1800.00"), 40);
        InvoiceView theirs = issuedInvoiceFor(b, new BigDecimal("1900.00"), 40);
        FinancingView f = toValidate(mine);
        FinancingView g = toValidate(theirs);
        String token = tokenFrom(validationLink(b, mine));
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                StandardCharsets.UTF_8);
        String towardsTheirs = payload.replace(f.id(), g.id())
                .replace(f.processInstanceId(), g.processInstanceId());
        String swapped = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(towardsTheirs.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);

        ResponseEntity<String> cancel = post(swapped, "cancel");

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cancel.getBody()).contains("Lien invalide");
        assertThat(status(g.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(post(tokenFrom(validationLink(b, theirs)), "cancel").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(status(g.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        financings.cancel(f.id(), "test");
    }

    @Test
    void theCancelLinkCancelsTheRequestOnce() {
        Business b = connectedBusiness("Lien Annule");
        InvoiceView invoice = issuedInvoiceFor(b, new BigDecimal("2000.00"), 40);
        FinancingView f = toValidate(invoice);
        String link = mailFor(b, invoice).links().stream()
                .filter(l -> l.contains("action=cancel")).findFirst().orElseThrow();

        ResponseEntity<String> page = rest.getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Confirmer l'annulation");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);

        ResponseEntity<String> done = post(tokenFrom(link), "cancel");

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("Demande annulée");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(instanceOf(f)).hasPassed(JourneyModel.TASK_VALIDATE_LOAN);
        assertThat(invoices.get(invoice.id()).locked()).isFalse();
        assertThat(post(tokenFrom(link), "validate").getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
    }

    @Test
    void aLinkAfterTheDeadlineTimerChangesNothing() {
        Emailed link = emailedLink("Lien Minuteur", "2100.00");
        FinancingView f = link.financing();
        String token = link.token();
        executeJob(f, "BoundaryEvent_ValidationExpired");

        ResponseEntity<String> validate = post(token, "validate");

        assertThat(validate.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
    }

    @Test
    void twoClicksRacingWithTheSameLinkValidateOnce() throws Exception {
        Emailed link = emailedLink("Lien Course", "2200.00");
        FinancingView f = link.financing();
        String token = link.token();

        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<HttpStatus>>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return HttpStatus.valueOf(post(token, "validate").getStatusCode().value());
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<HttpStatus>();
        for (var r : results) {
            outcomes.add(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.GONE);
        FinancingView after = financings.get(f.id());
        assertThat(after.status()).isEqualTo(FinancingStatus.VALIDATED);
        assertThat(after.history()).filteredOn(h -> h.status() == FinancingStatus.VALIDATED)
                .hasSize(1);
    }

    private void storeLink(String financingId, String token, Instant expiresAt) {
        String hash = ValidationLinkCodec.hash(token);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> financingRepository
                .lockById(financingId).orElseThrow().validationToken(hash, expiresAt));
    }

    private String validationLink(Business b, InvoiceView invoice) {
        return mailFor(b, invoice).links().stream().filter(l -> !l.contains("action=cancel"))
                .findFirst().orElseThrow();
    }

    /** The validation email of that invoice, as the catcher received it over SMTP. */
    private CaughtMail mailFor(Business b, InvoiceView invoice) {
        CaughtMail[] found = new CaughtMail[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<CaughtMail> mails = mailCatcher.messages().stream()
                    .filter(m -> m.to().equals(b.getRepresentativeEmail()))
                    .filter(m -> m.text().contains(invoice.number()))
                    .toList();
            assertThat(mails).hasSize(1);
            found[0] = mails.get(0);
        });
        return found[0];
    }

    private static String tokenFrom(String link) {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        int end = token.indexOf('&');
        return end < 0 ? token : token.substring(0, end);
    }

    private ResponseEntity<String> get(String token) {
        return rest.getForEntity("/validation?token={token}", String.class, token);
    }

    private ResponseEntity<String> post(String token, String action) {
        var form = new LinkedMultiValueMap<String, String>();
        if (token != null) {
            form.add("token", token);
        }
        form.add("action", action);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.postForEntity("/validation", new HttpEntity<>(form, h), String.class);
    }

    /** What a business finds in its mailbox: a financing waiting for it, and the link's token. */
    private record Emailed(FinancingView financing, String token) {
    }

    private Emailed emailedLink(String businessName, String amount) {
        Business b = connectedBusiness(businessName);
        InvoiceView invoice = issuedInvoiceFor(b, new BigDecimal(amount), 40);
        FinancingView f = toValidate(invoice);
        return new Emailed(f, tokenFrom(validationLink(b, invoice)));
    }

}
