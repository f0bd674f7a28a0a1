package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.demo.DemoData;
import fr.cashadvance.invoice.InvoiceRequest;
import fr.cashadvance.invoice.InvoiceService;
import fr.cashadvance.invoice.InvoiceView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One application context for the journey tests: H2 in memory, the sandbox lender over real
 * HTTP, the mail catcher on a free port, no job executor (tests execute each job themselves),
 * and no webhooks from the sandbox (the HTTP journey test covers those).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:journey;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "sandbox-lender.evaluation-delay=PT0S",
        "sandbox-lender.transfer-delay=PT2H",
        "sandbox-lender.tick-interval=PT1H",
        "sandbox-lender.webhooks-enabled=false",
        "sandbox-lender.excluded-buyers=552100554",
        "mail-catcher.port=0",
        "demo.enabled=true",
        "demo.password=test-password"})
public abstract class JourneyTestSupport {

    protected static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A buyer with a valid SIREN the sandbox accepts. */
    protected static final String BUYER_SIREN = "732829320";
    /** A buyer the sandbox is configured to decline. */
    protected static final String EXCLUDED_BUYER_SIREN = "552100554";

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired protected InvoiceService invoices;
    @Autowired protected FinancingService financings;
    @Autowired protected FinancingRepository financingRepository;
    @Autowired protected RuntimeService runtime;
    @Autowired protected fr.cashadvance.business.BusinessRepository businessRepository;
    @Autowired protected ManagementService management;
    @Autowired protected TestRestTemplate rest;
    @Value("${sandbox-lender.api-key}") protected String sandboxKey;

    @Autowired private org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void engineForAssertionsAndSandboxAtRealTime() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        // Each cached test context starts an engine named "default"; engine REST and the
        // webapps find theirs in one JVM-wide registry, where the last one started wins.
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        var response = rest.exchange("/sandbox-lender/clock/reset", HttpMethod.POST,
                new HttpEntity<>(sandboxHeaders()), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    protected LocalDate today() {
        return LocalDate.now(PARIS);
    }

    protected InvoiceView issuedInvoice(String amountTtc, String buyerSiren) {
        BigDecimal ttc = new BigDecimal(amountTtc);
        BigDecimal ht = ttc.divide(new BigDecimal("1.20"), 2, java.math.RoundingMode.HALF_UP);
        return invoices.create(new InvoiceRequest(DemoData.BUSINESS_ID,
                "T-" + System.nanoTime() + "-" + NUMBERS.incrementAndGet(), "380",
                today().minusDays(5), today().plusDays(40), "EUR", ht, ttc.subtract(ht), ttc,
                BigDecimal.ZERO.setScale(2),
                new InvoiceRequest.Buyer("Client SA", buyerSiren, null, "FR"), "ISSUED"));
    }

    /** The journey's instance, running or ended (the assertions read history by its id). */
    protected ProcessInstance instanceOf(FinancingView f) {
        assertThat(f.processInstanceId()).isNotNull();
        return processInstance(f.processInstanceId());
    }

    /** Any process instance by id, running or ended. */
    protected ProcessInstance processInstance(String id) {
        var running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (running != null) {
            return running;
        }
        var ended = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        ended.setId(id);
        ended.setProcessInstanceId(id);
        return ended;
    }

    /** Runs the instance's jobs, and those they create, until none is left. */
    protected void executeAllJobs(String processInstanceId) {
        for (int i = 0; i < 5; i++) {
            var jobs = management.createJobQuery().processInstanceId(processInstanceId).list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    /** A business of its own, connected 30 days ago, on the sandbox's succeeding IBAN. */
    protected fr.cashadvance.business.Business connectedBusiness(String name) {
        String siret = fr.cashadvance.connection.TestSirets.newSiret();
        String siren = siret.substring(0, 9);
        var b = new fr.cashadvance.business.Business(java.util.UUID.randomUUID().toString(),
                name + " " + siren, siren, siret, null, "FR8811111015593603018280926",
                "compta+" + siren + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example");
        b.connect(java.time.Instant.now().minus(java.time.Duration.ofDays(30)),
                new BigDecimal("50000.00"), new BigDecimal("0.000700"));
        return businessRepository.save(b);
    }

    /** An issued invoice of that business, dated yesterday, due in so many days. */
    protected InvoiceView issuedInvoiceFor(fr.cashadvance.business.Business b, BigDecimal total,
                                           int dueInDays) {
        BigDecimal ht = total.divide(new BigDecimal("1.20"), 2, java.math.RoundingMode.HALF_UP);
        return invoices.create(new InvoiceRequest(b.getId(), "B-" + System.nanoTime(), "380",
                today().minusDays(1), today().plusDays(dueInDays), "EUR", ht, total.subtract(ht),
                total, null, new InvoiceRequest.Buyer("Client SA", BUYER_SIREN, null, "FR"),
                "ISSUED"));
    }

    protected FinancingStatus status(String financingId) {
        return financings.get(financingId).status();
    }

    /** Executes the one job waiting at an activity: an async step or a timer. */
    protected void executeJob(FinancingView f, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(f.processInstanceId())
                .activityId(activityId).list();
        assertThat(jobs).as("job at %s", activityId).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    protected boolean hasJob(FinancingView f, String activityId) {
        return management.createJobQuery().processInstanceId(f.processInstanceId())
                .activityId(activityId).count() > 0;
    }

    protected void sandboxAdvance(String isoDuration) {
        var response = rest.exchange("/sandbox-lender/clock/advance?by=" + isoDuration,
                HttpMethod.POST, new HttpEntity<>(sandboxHeaders()), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    protected void sandboxScenario(String loanId, String transfer, String debit) {
        var response = rest.exchange("/sandbox-lender/loans/" + loanId + "/scenario",
                HttpMethod.POST, new HttpEntity<>(Map.of("transfer", transfer, "debit", debit),
                        sandboxHeaders()), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private HttpHeaders sandboxHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(sandboxKey);
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    /** Recap confirmed, lender accepted, validation email sent: waits at "Valider le prêt". */
    protected FinancingView toValidate(InvoiceView invoice) {
        FinancingView f = financings.forInvoice(invoice.id()).stream()
                .filter(x -> x.status() == FinancingStatus.REQUESTED).findFirst()
                .orElseGet(() -> financings.request(invoice.id(), null, "test"));
        financings.confirm(f.id(), null, "test");
        executeJob(f, "Task_SubmitToLender");
        if (hasJob(f, "Event_DecisionPoll")) {
            executeJob(f, "Event_DecisionPoll");
            executeJob(f, "Task_ReadLenderDecision");
        }
        executeJob(f, "Task_SendValidationEmail");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        return financings.get(f.id());
    }

    /** Validated by the business and confirmed at the lender: waits for the transfer. */
    protected FinancingView validated(InvoiceView invoice) {
        FinancingView f = toValidate(invoice);
        financings.validate(f.id(), "test");
        executeJob(f, "Task_ValidateAtLender");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.VALIDATED);
        return financings.get(f.id());
    }

    /** The wire arrived and was booked: waits for the repayment date. */
    protected FinancingView funded(InvoiceView invoice) {
        FinancingView f = validated(invoice);
        sandboxAdvance("PT3H");
        executeJob(f, "Event_TransferPoll");
        executeJob(f, "Task_CheckTransfer");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.FUNDED);
        return financings.get(f.id());
    }
}
