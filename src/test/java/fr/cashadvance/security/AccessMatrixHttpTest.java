package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.accounting.AccountingEntryRepository;
import fr.cashadvance.accounting.EntryKind;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.ConnectionStatus;
import fr.cashadvance.connection.ConnectionInput;
import fr.cashadvance.connection.ConnectionRequest;
import fr.cashadvance.connection.ConnectionRequestRepository;
import fr.cashadvance.demo.DemoData;
import fr.cashadvance.financing.FinancingStatus;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.invoice.InvoiceRequest;
import fr.cashadvance.invoice.InvoiceView;
import fr.cashadvance.lender.SignedWebhooks;
import fr.cashadvance.statement.FeeStatementService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The access matrix: every role against every endpoint and task action, on the resources of
 * business A (the demo business, "Au bon moulin"). Business B is another connected business
 * with a user of its own. Each cell asserts the exact status; a refused call must also leave
 * the resource as it was. The README carries the same table, checked by
 * {@link #readmeShowsThisMatrix()}.
 */
class AccessMatrixHttpTest extends JourneyTestSupport {

    private static final String PASSWORD = "test-password";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final String A = DemoData.BUSINESS_ID;
    private static final String A_SIREN = DemoData.SIREN;
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Who {
        ANONYMOUS("anonymous", null),
        BUSINESS_A("business A user", "alice"),
        BUSINESS_B("business B user", null),
        OPERATOR("operator", "ops"),
        PLATFORM("platform service", "platform"),
        ADMIN("admin", "admin");

        final String label;
        final String user;

        Who(String label, String user) {
            this.label = label;
            this.user = user;
        }
    }

    /** What a cell expects: a status, and for a success what its body must show. */
    record Expect(int status, String note, Predicate<String> body) {
        static Expect of(int status) {
            return new Expect(status, "", b -> true);
        }

        String cell() {
            return note.isEmpty() ? String.valueOf(status) : status + " " + note;
        }
    }

    /** One endpoint: how to call it as someone, and what each role gets. */
    record Row(String action, Function<Who, ResponseEntity<String>> call,
               Map<Who, Expect> expected) {
    }

    @Autowired private IdentityService identity;
    @org.springframework.beans.factory.annotation.Value("${lender.webhook-secret}")
    private String webhookSecret;
    @Autowired private TaskService tasks;
    @Autowired private BusinessAccess access;
    @Autowired private ConnectionRequestRepository connectionRequests;
    @Autowired private AccountingEntryRepository entries;
    @Autowired private FeeStatementService statements;
    @Autowired private fr.cashadvance.invoice.InvoiceRepository invoiceRepository;

    private static String userOfB;
    private static Business businessB;

    @BeforeEach
    void businessBWithItsOwnUser() {
        synchronized (AccessMatrixHttpTest.class) {
            if (businessB == null) {
                businessB = connectedBusiness("Beta");
                String group = access.ensureGroup(businessB);
                userOfB = "bea-" + businessB.getSiren();
                User u = identity.newUser(userOfB);
                u.setEmail("bea@" + businessB.getSiren() + ".example");
                u.setPassword(PASSWORD);
                identity.saveUser(u);
                identity.createMembership(userOfB, group);
            }
        }
    }

    // ---- the matrix -----------------------------------------------------------------------

    private List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        Expect e401 = Expect.of(401);
        Expect e403 = Expect.of(403);
        Expect e404 = Expect.of(404);

        rows.add(row("GET /api/businesses/{A}", who -> get(who, "/api/businesses/" + A),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /api/businesses?siren={A}", who -> get(who, "/api/businesses?siren="
                        + A_SIREN),
                e401, listOf(1), listOf(0), listOf(1), listOf(1), listOf(1)));
        rows.add(row("POST /api/businesses/{A}/disconnect", who -> {
            try {
                return post(who, "/api/businesses/" + A + "/disconnect", null);
            } finally {
                assertDemoBusinessReconnected(who);
            }
        }, e401, ok(200), e404, e403, ok(200), ok(200)));

        rows.add(row("POST /api/invoices (for A)", who -> post(who, "/api/invoices",
                        invoiceBody("ISSUED")),
                e401, ok(201), e404, e403, ok(201), ok(201)));
        rows.add(row("POST /api/invoices/import?businessId={A}", who -> importUbl(who, A),
                e401, ok(201), e404, e403, ok(201), ok(201)));
        rows.add(row("POST /api/invoices/import (no businessId)", who -> importUbl(who, null),
                e401, ok(201), Expect.of(422), e403, ok(201), ok(201)));
        rows.add(row("GET /api/invoices/{A's}", who -> get(who, "/api/invoices/"
                        + issued().id()),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("PUT /api/invoices/{A's draft}", who -> {
            InvoiceView draft = draft();
            return unchangedUnlessAllowed(exchange(who, HttpMethod.PUT, "/api/invoices/"
                    + draft.id(), invoiceBody("DRAFT", draft.number(), "240.00")),
                    () -> invoices.get(draft.id()).totalTtc(), draft.totalTtc());
        }, e401, ok(200), e404, e403, ok(200), ok(200)));
        rows.add(row("POST /api/invoices/{A's draft}/issue", who -> {
            InvoiceView draft = draft();
            return unchangedUnlessAllowed(post(who, "/api/invoices/" + draft.id() + "/issue",
                    null), () -> invoices.get(draft.id()).state(), draft.state());
        }, e401, ok(200), e404, e403, ok(200), ok(200)));

        rows.add(row("POST /api/invoices/{A's}/financings", who -> {
            InvoiceView invoice = issued();
            var response = post(who, "/api/invoices/" + invoice.id() + "/financings", null);
            if (response.getStatusCode().value() != 201) {
                assertThat(financings.forInvoice(invoice.id())).isEmpty();
            } else {
                cancelAfterwards(invoice);
            }
            return response;
        }, e401, ok(201), e404, e403, ok(201), ok(201)));
        rows.add(row("GET /api/invoices/{A's}/financings", who -> get(who, "/api/invoices/"
                        + requested().invoiceId() + "/financings"),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /api/financings/{A's}", who -> get(who, "/api/financings/"
                        + requested().id()),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("POST /api/financings/{A's}/confirm", who -> financingAction(who,
                        requested(), "/confirm", FinancingStatus.REQUESTED),
                e401, ok(200), e404, e403, ok(200), ok(200)));
        rows.add(row("PUT /api/financings/{A's}/repayment-date", who -> {
            FinancingView f = requested();
            LocalDate moved = f.repaymentDate().minusDays(7);
            var response = exchange(who, HttpMethod.PUT, "/api/financings/" + f.id()
                    + "/repayment-date", Map.of("repaymentDate", moved.toString()));
            LocalDate now = financings.get(f.id()).repaymentDate();
            assertThat(now).isEqualTo(response.getStatusCode().is2xxSuccessful() ? moved
                    : f.repaymentDate());
            cancel(f);
            return response;
        }, e401, ok(200), e404, e403, ok(200), ok(200)));
        rows.add(row("POST /api/financings/{A's}/validate", who -> financingAction(who,
                        toValidate(issued()), "/validate", FinancingStatus.TO_VALIDATE),
                e401, ok(200), e404, e403, ok(200), ok(200)));
        rows.add(row("POST /api/financings/{A's}/cancel", who -> financingAction(who,
                        requested(), "/cancel", FinancingStatus.REQUESTED),
                e401, ok(200), e404, e403, ok(200), ok(200)));

        rows.add(row("POST /api/connections (for A's SIREN)", who -> post(who,
                        "/api/connections", connectionBody(A_SIREN + "00019")),
                e401, Expect.of(409), e403, Expect.of(409), Expect.of(409), Expect.of(409)));
        rows.add(row("GET /api/connections/{A's}", who -> get(who, "/api/connections/"
                        + connectionRequestOfA()),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("PUT /api/bank-accounts/{A's SIREN}", who -> exchange(who,
                        HttpMethod.PUT, "/api/bank-accounts/" + A_SIREN, List.of()),
                e401, e403, e403, e403, ok(200), ok(200)));

        rows.add(row("POST /api/fee-statements?month=", who -> runStatements(who),
                e401, e403, e403, ok(202), ok(202), ok(202)));
        rows.add(row("GET /api/fee-statements?month=", who -> {
            statementOfA();
            statements.compute(businessB.getId(), YearMonth.parse(STATEMENT_MONTH));
            return get(who, "/api/fee-statements?month=" + STATEMENT_MONTH);
        },
                e401, statementsOf("own only", "A"), statementsOf("own only", "B"),
                statementsOf("all", null), statementsOf("all", null),
                statementsOf("all", null)));
        rows.add(row("GET /api/fee-statements/{A's}", who -> get(who, "/api/fee-statements/"
                        + statementOfA()),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /api/fee-statements/{A's}/pdf", who -> get(who, "/api/fee-statements/"
                        + statementOfA() + "/pdf"),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));

        rows.add(row("GET /api/accounting/entries?businessId={A}", who -> get(who,
                        "/api/accounting/entries?businessId=" + A),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /api/accounting/entries?financingId={A's}", who -> get(who,
                        "/api/accounting/entries?financingId=" + requested().id()),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /api/accounting/fec?businessId={A}", who -> get(who,
                        "/api/accounting/fec?businessId=" + A + "&from=2026-01-01&to=2026-12-31"),
                e401, ok(200), e404, ok(200), ok(200), ok(200)));
        rows.add(row("POST /api/accounting/entries/{A's}/reverse", who -> reverseAdvance(who),
                e401, e403, e403, ok(201), ok(201), ok(201)));

        // The lender's webhook: its signature is the only credential that counts.
        rows.add(row("POST /api/lender/webhooks, unsigned", who -> webhook(who, false),
                e401, e401, e401, e401, e401, e401));
        rows.add(row("POST /api/lender/webhooks, signed, unknown loan", who -> webhook(who, true),
                ok(202), ok(202), ok(202), ok(202), ok(202), ok(202)));

        rows.add(row("GET /mailbox/messages (A's validation email)", who -> mailbox(who),
                e401, mails("its business's", true), mails("its business's", false),
                mails("none", false), mails("none", false), mails("none", false)));

        rows.add(row("GET /engine-rest/task (A's recap task)", who -> exchange(who,
                        HttpMethod.GET, "/engine-rest/task?processInstanceId="
                                + requested().processInstanceId(), null),
                e401, listOf(1), listOf(0), listOf(0), listOf(0), listOf(1)));
        rows.add(row("GET /engine-rest/process-instance (A's journey)", who -> exchange(who,
                        HttpMethod.GET, "/engine-rest/process-instance?businessKey="
                                + requested().id(), null),
                e401, listOf(0), listOf(0), listOf(1), listOf(1), listOf(1)));
        // A task the caller cannot see (no permission, or another tenant's) is not found.
        rows.add(row("POST /engine-rest/task/{A's}/claim", who -> claimRecapTask(who),
                e401, Expect.of(204), e404, e404, e404, Expect.of(204)));
        rows.add(row("POST /engine-rest/task/{A's}/complete", who -> completeRecapTask(who),
                e401, Expect.of(204), e404, e404, e404, Expect.of(204)));
        rows.add(row("POST /engine-rest/engine/default/task/{A's}/claim", who -> claimRecapTask(
                        who, "/engine-rest/engine/default/task/"),
                e401, Expect.of(204), e404, e404, e404, Expect.of(204)));
        rows.add(row("GET /engine-rest/process-instance/{A's}/variables", who -> exchange(who,
                        HttpMethod.GET, "/engine-rest/process-instance/"
                                + requested().processInstanceId() + "/variables", null),
                e401, e404, e404, ok(200), ok(200), ok(200)));
        rows.add(row("GET /engine-rest/task/{A's, first character %-encoded}/variables",
                who -> {
                    String task = recapTask(requested());
                    // A URI as given: the template would encode the % once more.
                    return as(who).exchange(java.net.URI.create("/engine-rest/task/%"
                                    + Integer.toHexString(task.charAt(0)) + task.substring(1)
                                    + "/variables"), HttpMethod.GET, HttpEntity.EMPTY,
                            String.class);
                }, e401, ok(200), e404, e404, e404, ok(200)));
        rows.add(row("PUT /engine-rest/job/{A's recap timer}/retries", who -> {
            FinancingView f = requested();
            String job = management.createJobQuery().processInstanceId(f.processInstanceId())
                    .singleResult().getId();
            return exchange(who, HttpMethod.PUT, "/engine-rest/job/" + job + "/retries",
                    Map.of("retries", 3));
        }, e401, e404, e404, Expect.of(204), e403, Expect.of(204)));
        // A refused execution would cost the job a retry inside the engine: refused before.
        rows.add(row("POST /engine-rest/job/{A's recap timer}/execute", who -> {
            FinancingView f = requested();
            var job = management.createJobQuery().processInstanceId(f.processInstanceId())
                    .singleResult();
            var response = exchange(who, HttpMethod.POST, "/engine-rest/job/" + job.getId()
                    + "/execute", null);
            if (!response.getStatusCode().is2xxSuccessful()) {
                assertThat(management.createJobQuery().jobId(job.getId()).singleResult()
                        .getRetries()).isEqualTo(job.getRetries());
                assertThat(status(f.id())).isEqualTo(FinancingStatus.REQUESTED);
                cancel(f);
            }
            return response;
        }, e401, e404, e404, e403, e403, Expect.of(204)));
        rows.add(row("POST /engine-rest/deployment/create", who -> deploy(who),
                e401, e403, e403, e403, e403, ok(200)));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsExactlyItsStatusOnEveryEndpoint() {
        return matrix().stream().flatMap(row -> row.expected().entrySet().stream()
                .map(cell -> DynamicTest.dynamicTest(row.action() + " as " + cell.getKey().label,
                        () -> {
                            ResponseEntity<String> response = row.call().apply(cell.getKey());
                            Expect expect = cell.getValue();
                            assertThat(response.getStatusCode().value())
                                    .as("%s as %s: %s", row.action(), cell.getKey().label,
                                            response.getBody())
                                    .isEqualTo(expect.status());
                            assertThat(expect.body().test(response.getBody()))
                                    .as("%s as %s (%s): %s", row.action(), cell.getKey().label,
                                            expect.note(), response.getBody())
                                    .isTrue();
                        })));
    }

    @Test
    void readmeShowsThisMatrix() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String start = "<!-- access-matrix:start -->\n";
        String end = "<!-- access-matrix:end -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README marks the access matrix with %s", start).isNotNegative();
        String expected = markdown();
        assertThat(readme.substring(from + start.length(), to))
                .as("the README's access matrix; it should read:%n%s", expected)
                .isEqualTo(expected);
    }

    private String markdown() {
        StringBuilder table = new StringBuilder("| endpoint or action |");
        for (Who who : Who.values()) {
            table.append(' ').append(who.label).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(Who.values().length)).append('\n');
        for (Row row : matrix()) {
            table.append("| `").append(row.action()).append("` |");
            for (Who who : Who.values()) {
                table.append(' ').append(row.expected().get(who).cell()).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    // ---- expectations ---------------------------------------------------------------------

    private static Row row(String action, Function<Who, ResponseEntity<String>> call,
                           Expect... perRole) {
        Map<Who, Expect> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, perRole[who.ordinal()]);
        }
        return new Row(action, call, expected);
    }

    private static Expect ok(int status) {
        return Expect.of(status);
    }

    /** A JSON list (or a Camunda count) of exactly so many items. */
    private static Expect listOf(int size) {
        return new Expect(200, "(" + size + (size == 1 ? " item" : " items") + ")",
                body -> read(body).size() == size);
    }

    private static final String STATEMENT_MONTH = "2025-01";

    /** The month's statements: only the caller's own, or A's and B's among all. */
    private Expect statementsOf(String note, String onlyBusiness) {
        return new Expect(200, "(" + note + ")", body -> {
            List<String> shown = new ArrayList<>();
            read(body).get("statements").forEach(s -> shown.add(s.get("businessId").asText()));
            if (onlyBusiness != null) {
                return shown.equals(List.of(onlyBusiness.equals("A") ? A : businessB.getId()));
            }
            return shown.contains(A) && shown.contains(businessB.getId());
        });
    }

    /** The mailbox: alice's validation email, seen by her business only; nothing for others. */
    private static Expect mails(String scope, boolean seesAlices) {
        return new Expect(200, "(" + scope + ")", body -> {
            boolean found = false;
            for (JsonNode mail : read(body)) {
                found |= mail.get("to").asText().equals("alice@au-bon-moulin.example");
            }
            return found == seesAlices && (!scope.equals("none") || read(body).isEmpty());
        });
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    // ---- calls ----------------------------------------------------------------------------

    private TestRestTemplate as(Who who) {
        if (who == Who.ANONYMOUS) {
            return rest;
        }
        return rest.withBasicAuth(who == Who.BUSINESS_B ? userOfB : who.user, PASSWORD);
    }

    private ResponseEntity<String> get(Who who, String path) {
        return as(who).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(Who who, String path, Object body) {
        return exchange(who, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> exchange(Who who, HttpMethod method, String path,
                                            Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(who).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private <T> ResponseEntity<String> unchangedUnlessAllowed(ResponseEntity<String> response,
            java.util.function.Supplier<T> state, T before) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(state.get()).isEqualTo(before);
        }
        return response;
    }

    private ResponseEntity<String> financingAction(Who who, FinancingView f, String action,
                                                   FinancingStatus before) {
        var response = post(who, "/api/financings/" + f.id() + action, null);
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(status(f.id())).isEqualTo(before);
        }
        cancel(financings.get(f.id()));
        return response;
    }

    private ResponseEntity<String> importUbl(Who who, String businessId) {
        String number = "M-UBL-" + System.nanoTime();
        String xml = new String(resource("fr_ubl_en16931_F124212.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<cbc:ID>F124212</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return number + ".xml";
            }
        });
        long before = invoiceCount();
        var response = as(who).exchange("/api/invoices/import"
                        + (businessId == null ? "" : "?businessId=" + businessId),
                HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(invoiceCount()).isEqualTo(before);
        }
        return response;
    }

    private ResponseEntity<String> runStatements(Who who) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("statements-2025-02")
                .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        var response = post(who, "/api/fee-statements?month=2025-02", null);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("statements-2025-02")
                .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        return response;
    }

    private ResponseEntity<String> reverseAdvance(Who who) {
        FinancingView f = funded(issued());
        String advance = entries.findByFinancingIdOrderByCreatedAtAsc(f.id()).stream()
                .filter(e -> e.getKind() == EntryKind.ADVANCE_RECEIVED).findFirst().orElseThrow().getId();
        var response = post(who, "/api/accounting/entries/" + advance + "/reverse",
                Map.of("reason", "matrice d'accès"));
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(entries.findByReversesEntryId(advance)).isEmpty();
        }
        return response;
    }

    private ResponseEntity<String> webhook(Who who, boolean signed) {
        // An event for a loan nobody knows, unique each time so that it is no replay: taken
        // (202) and ignored when signed.
        String json = "{\"event_type\":\"loan.updated\",\"entity_type\":\"Loan\","
                + "\"id\":\"loan_matrix_" + number() + "\",\"status\":\"FUNDED\"}";
        HttpEntity<String> request = signed ? SignedWebhooks.signed(webhookSecret, json)
                : SignedWebhooks.unsigned(json);
        return as(who).exchange("/api/lender/webhooks", HttpMethod.POST, request, String.class);
    }

    private ResponseEntity<String> mailbox(Who who) {
        toValidate(issued());
        return get(who, "/mailbox/messages");
    }

    private ResponseEntity<String> claimRecapTask(Who who) {
        return claimRecapTask(who, "/engine-rest/task/");
    }

    private ResponseEntity<String> claimRecapTask(Who who, String taskPath) {
        FinancingView f = requested();
        String task = recapTask(f);
        var response = exchange(who, HttpMethod.POST, taskPath + task + "/claim",
                Map.of("userId", who == Who.ADMIN ? "admin" : "alice"));
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
                    .isNull();
        }
        cancel(f);
        return response;
    }

    private ResponseEntity<String> completeRecapTask(Who who) {
        FinancingView f = requested();
        String task = recapTask(f);
        var response = exchange(who, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "cancel"))));
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
            assertThat(status(f.id())).isEqualTo(FinancingStatus.REQUESTED);
        }
        cancel(financings.get(f.id()));
        return response;
    }

    private ResponseEntity<String> deploy(Who who) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    targetNamespace="https://cash-advance.local/test">
                  <process id="access-matrix-probe" isExecutable="true">
                    <startEvent id="Start"/>
                  </process>
                </definitions>
                """;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "access-matrix-probe");
        parts.add("probe.bpmn", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        return as(who).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
    }

    // ---- A's resources ----------------------------------------------------------------------

    private InvoiceView issued() {
        return invoices.create(invoiceRequest("ISSUED", "M-" + number(), "120.00"));
    }

    private InvoiceView draft() {
        return invoices.create(invoiceRequest("DRAFT", "M-" + number(), "120.00"));
    }

    private FinancingView requested() {
        return financings.request(issued().id(), null, "test");
    }

    private String recapTask(FinancingView f) {
        return tasks.createTaskQuery().processInstanceId(f.processInstanceId())
                .taskDefinitionKey("UserTask_ConfirmRecap").singleResult().getId();
    }

    private void cancel(FinancingView f) {
        FinancingStatus s = status(f.id());
        if (s == FinancingStatus.REQUESTED || s == FinancingStatus.TO_VALIDATE) {
            financings.cancel(f.id(), "test");
        }
    }

    private void cancelAfterwards(InvoiceView invoice) {
        financings.forInvoice(invoice.id()).forEach(this::cancel);
    }

    private static String connectionRequestOfA;

    /** One pending request of A's company (a company has at most one). */
    private synchronized String connectionRequestOfA() {
        if (connectionRequestOfA != null) {
            return connectionRequestOfA;
        }
        var input = new ConnectionInput(A_SIREN + "00019", "Au bon moulin", "10.71C",
                "FR8811111015593603018280926", null, "Alice", "Meunier",
                "alice@au-bon-moulin.example", null, true);
        var request = new ConnectionRequest(UUID.randomUUID().toString(), input, "test",
                Instant.now());
        connectionRequestOfA = connectionRequests.save(request).getId();
        return connectionRequestOfA;
    }

    private String statementOfA() {
        return statements.compute(A, YearMonth.parse(STATEMENT_MONTH)).getId();
    }

    private void assertDemoBusinessReconnected(Who who) {
        Business demo = businessRepository.findById(A).orElseThrow();
        if (demo.getConnectionStatus() != ConnectionStatus.CONNECTED) {
            assertThat(who).isIn(Who.BUSINESS_A, Who.PLATFORM, Who.ADMIN);
            demo.connect(Instant.now().minus(java.time.Duration.ofDays(120)),
                    demo.getCreditLimit(), demo.getFeesDailyRate());
            businessRepository.save(demo);
        }
    }

    private Map<String, Object> invoiceBody(String state) {
        return invoiceBody(state, "M-" + number(), "120.00");
    }

    private Map<String, Object> invoiceBody(String state, String number, String ttc) {
        InvoiceRequest r = invoiceRequest(state, number, ttc);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("businessId", r.businessId());
        body.put("number", r.number());
        body.put("typeCode", "380");
        body.put("issueDate", r.issueDate().toString());
        body.put("dueDate", r.dueDate().toString());
        body.put("currency", "EUR");
        body.put("totalHt", r.totalHt());
        body.put("totalVat", r.totalVat());
        body.put("totalTtc", r.totalTtc());
        body.put("state", state);
        body.put("buyer", Map.of("name", "Client SA", "siren", BUYER_SIREN, "country", "FR"));
        return body;
    }

    private InvoiceRequest invoiceRequest(String state, String number, String ttc) {
        BigDecimal total = new BigDecimal(ttc);
        BigDecimal ht = total.divide(new BigDecimal("1.20"), 2, RoundingMode.HALF_UP);
        return new InvoiceRequest(A, number, "380", today().minusDays(2), today().plusDays(40),
                "EUR", ht, total.subtract(ht), total, null,
                new InvoiceRequest.Buyer("Client SA", BUYER_SIREN, null, "FR"), state);
    }

    private Map<String, Object> connectionBody(String siret) {
        return Map.of("siret", siret, "apeCode", "10.71C",
                "iban", "FR8811111015593603018280926", "legalName", "Au bon moulin",
                "representative", Map.of("firstName", "Alice", "lastName", "Meunier",
                        "email", "alice@au-bon-moulin.example"),
                "consentToShareBankAccounts", true);
    }

    private long invoiceCount() {
        return invoiceRepository.count();
    }

    private static String number() {
        return System.nanoTime() + "-" + NUMBERS.incrementAndGet();
    }

    private static byte[] resource(String name) {
        try (var in = AccessMatrixHttpTest.class.getResourceAsStream("/einvoices/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
