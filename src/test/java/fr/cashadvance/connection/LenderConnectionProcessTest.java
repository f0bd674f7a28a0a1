package fr.cashadvance.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.business.ConnectionStatus;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.invoice.InvoiceRequest;
import fr.cashadvance.lender.SignedWebhooks;
import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** One test per path through lender-connection.bpmn, and the connection's lifecycle. */
class LenderConnectionProcessTest extends JourneyTestSupport {

    private static final String IBAN = "FR7630006000011234567890189";

    @Autowired ConnectionService connections;
    @Autowired ConnectionRequestRepository requests;
    @Autowired BusinessRepository businesses;
    @Autowired ObjectMapper json;
    @Value("${lender.webhook-secret}") String webhookSecret;

    @Test
    void connectedThroughTheApiWithALimitFromItsInflowsThenFinancesAnInvoice() {
        String siret = TestSirets.newSiret();

        ConnectionView view = connectAndRunJobs(body(siret, "62.01Z", true, sixMonths("10000.00")));

        assertThat(view.status()).isEqualTo(ConnectionRequestStatus.CONNECTED);
        assertThat(view.creditLimit()).isEqualByComparingTo("3000.00");
        var business = businesses.findBySiren(siret.substring(0, 9)).orElseThrow();
        assertThat(business.getConnectionStatus()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(business.getLenderBorrowerId()).isNotBlank();
        assertThat(processInstance(view.processInstanceId())).hasPassed("Task_DecideApeEligibility", "Task_RegisterBorrower")
                .isEnded().hasPassed("EndEvent_Connected");

        var invoice = invoices.create(invoice(business.getId(), today(), "2400.00"));
        var financing = financings.request(invoice.id(), null, "test");
        assertThat(financing.creditLimit()).isEqualByComparingTo("3000.00");
        assertThat(financing.availableBalance()).isEqualByComparingTo("3000.00");
        var tooBig = invoices.create(invoice(business.getId(), today(), "3600.00"));
        assertThatThrownBy(() -> financings.request(tooBig.id(), null, "test"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("available balance");
        financings.cancel(financing.id(), "test");
    }

    @Test
    void anExcludedSectorEndsNotEligibleWithTheReason() {
        String siret = TestSirets.newSiret();

        ConnectionView view = connections.request(body(siret, "64.19Z", true, List.of()), "test");

        assertThat(view.status()).isEqualTo(ConnectionRequestStatus.NOT_ELIGIBLE);
        assertThat(view.reason()).contains("financières").contains("64.19Z");
        assertThat(businesses.findBySiren(siret.substring(0, 9))).isEmpty();
        assertThat(processInstance(view.processInstanceId())).isEnded().hasPassed("EndEvent_NotEligible");
    }

    @Test
    void withoutConsentFromTheStartFormTheConnectionIsRefused() {
        String siret = TestSirets.newSiret();
        Map<String, Object> form = form(siret, "62.01Z", false);

        ProcessInstance pi = runtime.startProcessInstanceByKey(ConnectionService.PROCESS_KEY, form);

        assertThat(pi).isEnded().hasPassed("EndEvent_NoConsent");
        var request = requests.findById(pi.getBusinessKey()).orElseThrow();
        assertThat(request.getStatus()).isEqualTo(ConnectionRequestStatus.REFUSED);
        assertThat(businesses.findBySiren(siret.substring(0, 9))).isEmpty();
    }

    @Test
    void theStartFormConnectsWithTheAccountsReconciliationKnows() {
        String siret = TestSirets.newSiret();
        String siren = siret.substring(0, 9);
        var stored = rest.withBasicAuth("platform", "test-password").exchange(
                "/api/bank-accounts/" + siren, HttpMethod.PUT,
                new HttpEntity<>(sixMonths("5000.00"), jsonHeaders()), String.class);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);

        ProcessInstance pi = runtime.startProcessInstanceByKey(ConnectionService.PROCESS_KEY,
                form(siret, "10.71C", true));
        executeAllJobs(pi.getId());

        var request = requests.findById(pi.getBusinessKey()).orElseThrow();
        assertThat(request.getStatus()).isEqualTo(ConnectionRequestStatus.CONNECTED);
        assertThat(request.getCreditLimit()).isEqualByComparingTo("1500.00");
        assertThat(businesses.findBySiren(siren)).hasValueSatisfying(b ->
                assertThat(b.getConnectionStatus()).isEqualTo(ConnectionStatus.CONNECTED));
    }

    @Test
    void anInvalidStartFormIsRefusedWholeAndLeavesNothing() {
        long before = requests.count();
        Map<String, Object> form = form("12345678901234", "62.01Z", true);

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ConnectionService.PROCESS_KEY,
                form)).hasMessageContaining("SIRET");

        assertThat(requests.count()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey(ConnectionService.PROCESS_KEY).active().list())
                .noneMatch(p -> p.getBusinessKey() == null);
    }

    @Test
    void theApiListsEveryInvalidFieldAndStoresNothing() throws Exception {
        long before = requests.count();
        var body = new ConnectionBody("12345678901234", "99.99Z", "FR7630006000011234567890180",
                "", null, new ConnectionBody.Representative("Jeanne", "", "pas-un-email", null),
                false, List.of());

        var response = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/connections", new HttpEntity<>(body, jsonHeaders()), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType().toString())
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        List<String> fields = new ArrayList<>();
        problem.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("siret", "apeCode", "iban", "legalName",
                "representative.lastName", "representative.email", "consentToShareBankAccounts");
        assertThat(response.getBody()).doesNotContain("FR7630006000011234567890180");
        assertThat(requests.count()).isEqualTo(before);
    }

    @Test
    void anAlreadyConnectedBusinessIsAConflict() {
        assertThatThrownBy(() -> connections.request(body("99999999800019", "10.71C", true,
                List.of()), "test"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("CONNECTED");
    }

    @Test
    void disconnectStopsNewRequestsAndReconnectRestoresThem() {
        String siret = TestSirets.newSiret();
        connectAndRunJobs(body(siret, "62.01Z", true, sixMonths("10000.00")));
        var business = businesses.findBySiren(siret.substring(0, 9)).orElseThrow();
        var invoice = invoices.create(invoice(business.getId(), today(), "500.00"));

        var disconnected = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/businesses/" + business.getId() + "/disconnect", null, String.class);
        assertThat(disconnected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> financings.request(invoice.id(), null, "test"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("business.not-connected");

        ConnectionView again = connectAndRunJobs(body(siret, "62.01Z", true,
                sixMonths("10000.00")));
        assertThat(again.status()).isEqualTo(ConnectionRequestStatus.CONNECTED);
        assertThat(again.businessId()).isEqualTo(business.getId());
        // The new connection date is today: an invoice issued today still qualifies.
        var f = financings.request(invoice.id(), null, "test");
        financings.cancel(f.id(), "test");
    }

    @Test
    void aConnectionTheLenderBlocksStopsNewRequestsWithTheReason() {
        String siret = TestSirets.newSiret();
        connectAndRunJobs(body(siret, "62.01Z", true, sixMonths("10000.00")));
        var business = businesses.findBySiren(siret.substring(0, 9)).orElseThrow();
        var invoice = invoices.create(invoice(business.getId(), today(), "500.00"));

        sandbox("/sandbox-lender/borrowers/" + business.getLenderBorrowerId() + "/block");
        creditLineWebhook(business.getSiren());

        assertThat(businesses.findById(business.getId()).orElseThrow().getConnectionStatus())
                .isEqualTo(ConnectionStatus.BLOCKED);
        assertThatThrownBy(() -> financings.request(invoice.id(), null, "test"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("business.blocked");

        sandbox("/sandbox-lender/borrowers/" + business.getLenderBorrowerId() + "/unblock");
        creditLineWebhook(business.getSiren());
        assertThat(businesses.findById(business.getId()).orElseThrow().getConnectionStatus())
                .isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void anInvoiceIssuedBeforeTheConnectionDateIsRefused() {
        String siret = TestSirets.newSiret();
        connectAndRunJobs(body(siret, "62.01Z", true, sixMonths("10000.00")));
        var business = businesses.findBySiren(siret.substring(0, 9)).orElseThrow();
        var old = invoices.create(invoice(business.getId(), today().minusDays(2), "500.00"));

        assertThatThrownBy(() -> financings.request(old.id(), null, "test"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("invoice.issued-before-connection");
    }

    @Test
    void parallelRequestsForOneCompanyLetExactlyOneThrough() throws Exception {
        String siret = TestSirets.newSiret();
        var body = body(siret, "62.01Z", true, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return rest.withBasicAuth("platform", "test-password").postForEntity(
                        "/api/connections", new HttpEntity<>(body, jsonHeaders()), String.class)
                        .getStatusCode().value();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var r : results) {
            codes.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(codes).containsOnly(201, 409);
        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(requests.findAll()).filteredOn(r -> r.getSiret().equals(siret)).hasSize(1);
    }

    @Test
    void overLongFieldsAreRefusedByName() throws Exception {
        var body = new ConnectionBody(TestSirets.newSiret(), "62.01Z", IBAN, "x".repeat(300),
                null, new ConnectionBody.Representative("Jeanne", "y".repeat(150),
                "jeanne@atelier.example", null), true, List.of(new ConnectionBody.Account(IBAN,
                "z".repeat(200), List.of(new ConnectionBody.Transaction(today().minusDays(3),
                new BigDecimal("1e20"), "trop")))));

        var response = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/connections", new HttpEntity<>(body, jsonHeaders()), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = json.readTree(response.getBody());
        List<String> fields = new ArrayList<>();
        problem.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        assertThat(fields).contains("legalName", "representative.lastName",
                "bankAccounts[0].bankName", "bankAccounts[0].transactions[0]");
    }

    // ---- helpers --------------------------------------------------------------------------

    private ConnectionView connectAndRunJobs(ConnectionBody body) {
        ConnectionView view = connections.request(body, "test");
        executeAllJobs(view.processInstanceId());
        return connections.get(view.id());
    }

    private static ConnectionBody body(String siret, String ape, boolean consent,
                                       List<ConnectionBody.Account> accounts) {
        return new ConnectionBody(siret, ape, IBAN, "Atelier Test " + siret.substring(0, 9),
                LocalDate.of(2015, 3, 1), new ConnectionBody.Representative("Jeanne", "Martin",
                "jeanne.martin@atelier.example", "+33 6 12 34 56 78"), consent, accounts);
    }

    private Map<String, Object> form(String siret, String ape, boolean consent) {
        Map<String, Object> form = new HashMap<>();
        form.put("siret", siret);
        form.put("legalName", "Atelier Formulaire");
        form.put("apeCode", ape);
        form.put("iban", IBAN);
        form.put("companyCreatedOn", "2012-06-01");
        form.put("representativeFirstName", "Paul");
        form.put("representativeLastName", "Durand");
        form.put("representativeEmail", "paul.durand@atelier.example");
        form.put("consent", consent);
        return form;
    }

    /** Inflows in each of the six full months before today, and an outflow. */
    private List<ConnectionBody.Account> sixMonths(String monthlyInflow) {
        LocalDate first = today().withDayOfMonth(1);
        List<ConnectionBody.Transaction> tx = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            tx.add(new ConnectionBody.Transaction(first.minusMonths(m).plusDays(9),
                    new BigDecimal(monthlyInflow), "Règlement client"));
            tx.add(new ConnectionBody.Transaction(first.minusMonths(m).plusDays(19),
                    new BigDecimal("-1200.00"), "Loyer"));
        }
        return List.of(new ConnectionBody.Account(IBAN, "Banque Test", tx));
    }

    private InvoiceRequest invoice(String businessId, LocalDate issued, String ttc) {
        BigDecimal total = new BigDecimal(ttc);
        BigDecimal ht = total.divide(new BigDecimal("1.20"), 2, java.math.RoundingMode.HALF_UP);
        return new InvoiceRequest(businessId, "C-" + System.nanoTime(), "380", issued,
                today().plusDays(40), "EUR", ht, total.subtract(ht), total, null,
                new InvoiceRequest.Buyer("Client SA", BUYER_SIREN, null, "FR"), "ISSUED");
    }

    private void sandbox(String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(sandboxKey);
        var r = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(h), String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    }

    private void creditLineWebhook(String siren) {
        // The event's own timestamp tells two events apart, as the lender's does.
        String event = """
                {"event_type":"CreditLine.STATUS_UPDATED","entity_type":"CreditLine",
                 "id":"%s","status":"X","timestamp":"%s","entity_state":{}}
                """.formatted(siren, Instant.now());
        var r = rest.postForEntity("/api/lender/webhooks",
                SignedWebhooks.signed(webhookSecret, event), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }
}
