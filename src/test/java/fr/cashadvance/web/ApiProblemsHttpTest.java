package fr.cashadvance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cashadvance.calendar.TargetCalendar;
import fr.cashadvance.demo.DemoData;
import fr.cashadvance.financing.FinancingStatus;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.lender.SignedWebhooks;
import fr.cashadvance.security.CamundaIdentityAuthenticationProvider;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * DOMAIN §11 and §12 at the HTTP boundary: every refusal is an RFC 9457 problem that says what
 * is wrong, and leaves everything as it was.
 *
 * <p>Shares the journey tests' context and demo credit line: each financing confirmed here is
 * driven to a cancellation, so that nothing stays reserved.
 */
class ApiProblemsHttpTest extends JourneyTestSupport {

    private static final String PASSWORD = "test-password";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired private InvoiceRepository invoiceRepository;
    @Autowired private IdentityService identity;
    @Value("${lender.webhook-secret}") private String webhookSecret;

    // ---- who may call -------------------------------------------------------------------------

    @Test
    void callsWithoutValidPlatformCredentialsAreRefusedAndCreateNothing() {
        long before = invoiceRepository.count();
        HttpEntity<Map<String, Object>> body = json(invoiceBody(number(), "ISSUED"));

        ResponseEntity<JsonNode> anonymous =
                rest.exchange("/api/invoices", HttpMethod.POST, body, JsonNode.class);
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic");
        assertProblem(rest.getForEntity("/api/invoices/anything", JsonNode.class),
                HttpStatus.UNAUTHORIZED, "unauthenticated");

        // Camunda locks an account for a while after a wrong password: aim at a platform
        // account of this test's own, never at the shared demo accounts.
        ResponseEntity<JsonNode> wrongPassword = rest.withBasicAuth(probeAccount(), "not-it")
                .exchange("/api/invoices", HttpMethod.POST, body, JsonNode.class);
        assertProblem(wrongPassword, HttpStatus.UNAUTHORIZED, "unauthenticated");
        ResponseEntity<JsonNode> unknownUser = rest.withBasicAuth("nobody", PASSWORD)
                .exchange("/api/invoices", HttpMethod.POST, body, JsonNode.class);
        assertProblem(unknownUser, HttpStatus.UNAUTHORIZED, "unauthenticated");

        // An operator sees every business but creates nothing for one.
        ResponseEntity<JsonNode> operator = rest.withBasicAuth("ops", PASSWORD)
                .exchange("/api/invoices", HttpMethod.POST, body, JsonNode.class);
        assertProblem(operator, HttpStatus.FORBIDDEN, "forbidden");
        // A user of another business does not even learn that the demo business exists.
        ResponseEntity<JsonNode> stranger = rest.withBasicAuth("bob", PASSWORD)
                .exchange("/api/invoices", HttpMethod.POST, body, JsonNode.class);
        assertProblem(stranger, HttpStatus.NOT_FOUND, "not-found");

        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    @Test
    void engineRestAnswersOnlyAuthenticatedCamundaUsers() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> admin = rest.withBasicAuth("admin", PASSWORD)
                .getForEntity("/engine-rest/task", JsonNode.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody().isArray()).isTrue();
    }

    // ---- invoices -----------------------------------------------------------------------------

    @Test
    void invalidInvoicesAreRefusedNamingTheFieldAndCreateNothing() {
        long before = invoiceRepository.count();

        ResponseEntity<JsonNode> malformed = platform().exchange("/api/invoices",
                HttpMethod.POST, rawJson("{\"businessId\": \"au-bon-moulin\", \"number\": "),
                JsonNode.class);
        assertProblem(malformed, HttpStatus.BAD_REQUEST, "unreadable-body");

        Map<String, Object> badDate = invoiceBody(number(), "ISSUED");
        badDate.put("issueDate", "2026-13-45");
        ResponseEntity<JsonNode> date = post("/api/invoices", badDate);
        assertProblem(date, HttpStatus.BAD_REQUEST, "unreadable-body");
        assertThat(date.getBody().get("detail").asText())
                .contains("'issueDate'", "2026-13-45", "YYYY-MM-DD");
        assertThat(date.getBody().get("field").asText()).isEqualTo("issueDate");

        Map<String, Object> noNumber = invoiceBody(number(), "ISSUED");
        noNumber.remove("number");
        ResponseEntity<JsonNode> missing = post("/api/invoices", noNumber);
        assertProblem(missing, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(fieldsOf(missing)).containsExactly("number");

        Map<String, Object> threeDecimals = invoiceBody(number(), "ISSUED");
        threeDecimals.put("totalHt", 1000.005);
        ResponseEntity<JsonNode> decimals = post("/api/invoices", threeDecimals);
        assertProblem(decimals, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(fieldsOf(decimals)).containsExactly("totalHt");

        Map<String, Object> unknownBusiness = invoiceBody(number(), "ISSUED");
        unknownBusiness.put("businessId", "no-such-business");
        ResponseEntity<JsonNode> business = post("/api/invoices", unknownBusiness);
        assertProblem(business, HttpStatus.UNPROCESSABLE_ENTITY, "unknown-business");
        assertThat(business.getBody().get("field").asText()).isEqualTo("businessId");
        assertThat(business.getBody().get("detail").asText()).contains("no-such-business");

        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    @Test
    void aDraftCanChangeUntilItIsIssuedThenChangesAreRefused() {
        String number = number();
        ResponseEntity<JsonNode> created = post("/api/invoices", invoiceBody(number, "DRAFT"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        assertThat(created.getBody().get("state").asText()).isEqualTo("DRAFT");

        Map<String, Object> changed = invoiceBody(number, "DRAFT");
        changed.put("totalHt", "2000.00");
        changed.put("totalVat", "400.00");
        changed.put("totalTtc", "2400.00");
        ResponseEntity<JsonNode> updated = put("/api/invoices/" + id, changed);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody().get("totalTtc").decimalValue())
                .isEqualByComparingTo("2400.00");

        ResponseEntity<JsonNode> issued = post("/api/invoices/" + id + "/issue", null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(issued.getBody().get("state").asText()).isEqualTo("ISSUED");

        ResponseEntity<JsonNode> refused = put("/api/invoices/" + id,
                invoiceBody(number, "ISSUED"));
        assertProblem(refused, HttpStatus.CONFLICT, "invoice-issued");
        assertThat(refused.getBody().get("detail").asText()).contains(number);
        JsonNode after = platform().getForObject("/api/invoices/" + id, JsonNode.class);
        assertThat(after.get("totalTtc").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(after.get("state").asText()).isEqualTo("ISSUED");
    }

    @Test
    void aConfirmedFinancingLocksItsInvoiceAndStepsOutOfTurnNameTheStatus() {
        String number = number();
        JsonNode invoice = createIssued(number);
        String invoiceId = invoice.get("id").asText();
        ResponseEntity<JsonNode> requested = post("/api/invoices/" + invoiceId + "/financings",
                null);
        assertThat(requested.getStatusCode()).as("%s", requested.getBody())
                .isEqualTo(HttpStatus.CREATED);
        String id = requested.getBody().get("id").asText();
        String financingUrl = "/api/financings/" + id;

        ResponseEntity<JsonNode> validateTooSoon = post(financingUrl + "/validate", null);
        assertWrongStatus(validateTooSoon, "REQUESTED");

        ResponseEntity<JsonNode> confirmed = post(financingUrl + "/confirm", null);
        assertThat(confirmed.getStatusCode()).as("%s", confirmed.getBody())
                .isEqualTo(HttpStatus.OK);
        try {
            assertThat(confirmed.getBody().get("status").asText()).isEqualTo("IN_EVALUATION");

            assertWrongStatus(post(financingUrl + "/confirm", null), "IN_EVALUATION");
            ResponseEntity<JsonNode> moveDate = put(financingUrl + "/repayment-date",
                    Map.of("repaymentDate",
                            TargetCalendar.plusBusinessDays(today(), 10).toString()));
            assertWrongStatus(moveDate, "IN_EVALUATION");

            Map<String, Object> change = invoiceBody(number, "ISSUED");
            change.put("totalTtc", "1.00");
            ResponseEntity<JsonNode> locked = put("/api/invoices/" + invoiceId, change);
            assertProblem(locked, HttpStatus.CONFLICT, "invoice-locked");
            assertThat(locked.getBody().get("financingId").asText()).isEqualTo(id);
            assertThat(locked.getBody().get("detail").asText()).contains(id);

            ResponseEntity<JsonNode> reissue = post("/api/invoices/" + invoiceId + "/issue",
                    null);
            assertProblem(reissue, HttpStatus.CONFLICT, "invoice-locked");
            assertThat(reissue.getBody().get("financingId").asText()).isEqualTo(id);

            JsonNode after = platform().getForObject("/api/invoices/" + invoiceId,
                    JsonNode.class);
            assertThat(after.get("locked").asBoolean()).isTrue();
            assertThat(after.get("totalTtc").decimalValue()).isEqualByComparingTo("1200.00");
            JsonNode financing = platform().getForObject(financingUrl, JsonNode.class);
            assertThat(financing.get("status").asText()).isEqualTo("IN_EVALUATION");
        } finally {
            releaseConfirmed(id);
        }

        ResponseEntity<JsonNode> cancelAgain = post(financingUrl + "/cancel", null);
        assertWrongStatus(cancelAgain, "CANCELLED");
        assertThat(platform().getForObject(financingUrl, JsonNode.class).get("status").asText())
                .isEqualTo("CANCELLED");
    }

    // ---- financing requests -------------------------------------------------------------------

    @Test
    void unacceptableRepaymentDatesAreRefusedAndStartNothing() {
        JsonNode invoice = createIssued(number());
        String url = "/api/invoices/" + invoice.get("id").asText() + "/financings";

        LocalDate holiday = nextWeekdayHolidayFrom(TargetCalendar.plusBusinessDays(today(), 3));
        ResponseEntity<JsonNode> onHoliday =
                post(url, Map.of("repaymentDate", holiday.toString()));
        assertProblem(onHoliday, HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-refused");
        assertThat(onHoliday.getBody().get("field").asText()).isEqualTo("repaymentDate");
        assertThat(rulesOf(onHoliday)).contains("repayment-date.not-business-day");

        ResponseEntity<JsonNode> tomorrow =
                post(url, Map.of("repaymentDate", today().plusDays(1).toString()));
        assertProblem(tomorrow, HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-refused");
        assertThat(rulesOf(tomorrow)).contains("repayment-date.too-early");

        ResponseEntity<JsonNode> notADate = platform().exchange(url, HttpMethod.POST,
                rawJson("{\"repaymentDate\":\"not-a-date\"}"), JsonNode.class);
        assertProblem(notADate, HttpStatus.BAD_REQUEST, "unreadable-body");
        assertThat(notADate.getBody().get("detail").asText()).contains("'repaymentDate'");
        assertThat(notADate.getBody().get("field").asText()).isEqualTo("repaymentDate");

        assertThat(platform().getForObject(url, JsonNode.class)).isEmpty();
        assertThat(platform().getForObject("/api/invoices/" + invoice.get("id").asText(),
                JsonNode.class).get("locked").asBoolean()).isFalse();
    }

    @Test
    void anInvoiceWithoutDueDateNeedsAnExplicitRepaymentDate() {
        Map<String, Object> body = invoiceBody(number(), "ISSUED");
        body.remove("dueDate");
        ResponseEntity<JsonNode> created = post("/api/invoices", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String url = "/api/invoices/" + created.getBody().get("id").asText() + "/financings";

        ResponseEntity<JsonNode> refused = post(url, null);

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-required");
        assertThat(refused.getBody().get("field").asText()).isEqualTo("repaymentDate");
        assertThat(rulesOf(refused)).containsExactly("repayment-date.required");
        assertThat(platform().getForObject(url, JsonNode.class)).isEmpty();
    }

    // ---- the rest of the surface --------------------------------------------------------------

    @Test
    void unknownResourcesAndMissingFiltersAreProblems() {
        ResponseEntity<JsonNode> financing =
                platform().getForEntity("/api/financings/unknown", JsonNode.class);
        assertProblem(financing, HttpStatus.NOT_FOUND, "not-found");
        assertThat(financing.getBody().get("detail").asText()).contains("unknown");

        assertProblem(platform().getForEntity("/api/invoices/unknown", JsonNode.class),
                HttpStatus.NOT_FOUND, "not-found");
        assertProblem(post("/api/invoices/unknown/financings", null), HttpStatus.NOT_FOUND,
                "not-found");

        ResponseEntity<JsonNode> entries =
                platform().getForEntity("/api/accounting/entries", JsonNode.class);
        assertProblem(entries, HttpStatus.BAD_REQUEST, "missing-filter");
        assertThat(entries.getBody().get("detail").asText()).contains("financingId");
    }

    @Test
    void webhooksForUnknownLoansAreAcceptedAndChangeNothing() {
        long financingsBefore = financingRepository.count();
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        String event = """
                {"event_type":"Loan.TO_VALIDATE","entity_type":"Loan",\
                "id":"loan-that-does-not-exist","status":"TO_VALIDATE",\
                "timestamp":"%s","entity_state":{"id":"loan-that-does-not-exist"}}\
                """.formatted(Instant.now());

        // The lender carries no Basic credentials: its signature is its proof.
        ResponseEntity<JsonNode> accepted = rest.exchange("/api/lender/webhooks",
                HttpMethod.POST, SignedWebhooks.signed(webhookSecret, event), JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("handled").asBoolean()).isFalse();
        assertThat(financingRepository.count()).isEqualTo(financingsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);

        ResponseEntity<JsonNode> garbage = rest.exchange("/api/lender/webhooks",
                HttpMethod.POST, SignedWebhooks.signed(webhookSecret, "{\"event_type\": Loan.TO_"),
                JsonNode.class);
        assertProblem(garbage, HttpStatus.BAD_REQUEST, "unreadable-body");
        assertThat(financingRepository.count()).isEqualTo(financingsBefore);
    }

    @Test
    void theOpenApiDescriptionIsServedToAccountsOnly() {
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/swagger-ui.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> docs = rest.withBasicAuth("platform", PASSWORD)
                .getForEntity("/v3/api-docs", String.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(docs.getBody()).contains("\"/api/invoices/import\"",
                "\"/api/invoices/{invoiceId}/financings\"", "\"/api/financings/{id}/confirm\"");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A platform account only this test uses, so a lock on it troubles no other test. */
    private String probeAccount() {
        String id = "probe-platform";
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setPassword("probe-" + System.nanoTime());
            identity.saveUser(user);
            identity.createMembership(id, CamundaIdentityAuthenticationProvider.PLATFORM_GROUP);
        }
        return id;
    }

    private TestRestTemplate platform() {
        return rest.withBasicAuth("platform", PASSWORD);
    }

    private ResponseEntity<JsonNode> post(String url, Object body) {
        return platform().exchange(url, HttpMethod.POST, json(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String url, Object body) {
        return platform().exchange(url, HttpMethod.PUT, json(body), JsonNode.class);
    }

    private static <T> HttpEntity<T> json(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<String> rawJson(String text) {
        return json(text);
    }

    private static String number() {
        return "P-" + System.nanoTime() + "-" + NUMBERS.incrementAndGet();
    }

    /** A financeable invoice of the demo business: 1 200 € TTC, due in 40 days. */
    private Map<String, Object> invoiceBody(String number, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("businessId", DemoData.BUSINESS_ID);
        body.put("number", number);
        body.put("typeCode", "380");
        body.put("issueDate", today().minusDays(5).toString());
        body.put("dueDate", today().plusDays(40).toString());
        body.put("currency", "EUR");
        body.put("totalHt", "1000.00");
        body.put("totalVat", "200.00");
        body.put("totalTtc", "1200.00");
        body.put("buyer", Map.of("name", "Client SA", "siren", BUYER_SIREN, "country", "FR"));
        body.put("state", state);
        return body;
    }

    private JsonNode createIssued(String number) {
        ResponseEntity<JsonNode> created = post("/api/invoices", invoiceBody(number, "ISSUED"));
        assertThat(created.getStatusCode()).as("%s", created.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    /**
     * Lets the lender accept the confirmed request, then cancels instead of validating, so that
     * the shared demo credit line is free again.
     */
    private void releaseConfirmed(String financingId) {
        FinancingView f = financings.get(financingId);
        executeJob(f, "Task_SubmitToLender");
        if (hasJob(f, "Event_DecisionPoll")) {
            executeJob(f, "Event_DecisionPoll");
            executeJob(f, "Task_ReadLenderDecision");
        }
        executeJob(f, "Task_SendValidationEmail");
        assertThat(status(financingId)).isEqualTo(FinancingStatus.TO_VALIDATE);
        ResponseEntity<JsonNode> cancelled = post("/api/financings/" + financingId + "/cancel",
                null);
        assertThat(cancelled.getStatusCode()).as("%s", cancelled.getBody())
                .isEqualTo(HttpStatus.OK);
        executeJob(f, "Task_CancelAtLender");
        assertThat(status(financingId)).isEqualTo(FinancingStatus.CANCELLED);
    }

    /** The first Monday-to-Friday on or after {@code from} on which TARGET is closed. */
    private static LocalDate nextWeekdayHolidayFrom(LocalDate from) {
        return Stream.iterate(from, d -> d.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
                        && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(d -> !TargetCalendar.isBusinessDay(d))
                .findFirst().orElseThrow();
    }

    private static void assertWrongStatus(ResponseEntity<JsonNode> response, String status) {
        assertProblem(response, HttpStatus.CONFLICT, "wrong-status");
        assertThat(response.getBody().get("financingStatus").asText()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asText()).contains(status);
    }

    private static List<String> fieldsOf(ResponseEntity<JsonNode> response) {
        List<String> fields = new ArrayList<>();
        response.getBody().get("violations").forEach(v -> fields.add(v.get("field").asText()));
        return fields;
    }

    private static List<String> rulesOf(ResponseEntity<JsonNode> response) {
        List<String> rules = new ArrayList<>();
        JsonNode violations = response.getBody().get("violations");
        assertThat(violations).as("violations in %s", response.getBody()).isNotNull();
        violations.forEach(v -> rules.add(v.get("rule").asText()));
        return rules;
    }

    /** RFC 9457: the problem media type and its four members; {@code type} ends as given. */
    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status,
                                      String typeSuffix) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType())
                .as("content type of %s", response.getBody())
                .isNotNull()
                .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        JsonNode body = response.getBody();
        assertThat(body.get("status").asInt()).isEqualTo(status.value());
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("type").asText()).endsWith("/problems/" + typeSuffix);
    }

    @Test
    void aMalformedQueryParameterIsNamed() {
        var response = rest.withBasicAuth("platform", "test-password").getForEntity(
                "/api/accounting/entries?businessId=au-bon-moulin&from=2026-13-01",
                String.class);

        assertThat(response.getStatusCode().value())
                .isEqualTo(400);
        assertThat(response.getHeaders().getContentType()
                .toString()).startsWith("application/problem+json");
        assertThat(response.getBody())
                .contains("\"field\":\"from\"");
    }
}
