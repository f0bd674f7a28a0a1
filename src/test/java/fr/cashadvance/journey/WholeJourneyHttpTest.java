package fr.cashadvance.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The README walkthrough as a test, with everything real: HTTP calls with the demo accounts,
 * the job executor running, the sandbox lender answering over HTTP and sending its webhooks,
 * the validation email read back from the SMTP catcher, its link followed, the repayment timer
 * executed through the engine REST API as an operator would.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:whole-journey;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "sandbox-lender.evaluation-delay=PT2S",
        "sandbox-lender.transfer-delay=PT3S",
        "sandbox-lender.tick-interval=PT1S",
        "financing.lender-poll-interval=PT5S",
        "mail-catcher.port=0",
        "demo.enabled=true",
        "demo.password=journey-password"})
class WholeJourneyHttpTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PASSWORD = "journey-password";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoBusinessRealInvoiceGoesFromImportToRepaid(CapturedOutput output) throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        String xml = Files.readString(Path.of("src/test/resources/einvoices/fr_ubl_en16931_F124212.xml"),
                StandardCharsets.UTF_8)
                .replaceFirst("<cbc:IssueDate>[0-9-]+<", "<cbc:IssueDate>" + today.minusDays(3) + "<")
                .replaceFirst("<cbc:DueDate>[0-9-]+<", "<cbc:DueDate>" + today.plusDays(45) + "<");

        JsonNode invoice = call(HttpMethod.POST, "/api/invoices/import", xml,
                MediaType.APPLICATION_XML, HttpStatus.CREATED);
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("208.03");

        JsonNode requested = call(HttpMethod.POST,
                "/api/invoices/" + invoice.get("id").asText() + "/financings", "{}",
                MediaType.APPLICATION_JSON, HttpStatus.CREATED);
        String id = requested.get("id").asText();
        assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.get("statusLabel").asText()).isEqualTo("Récapitulatif");
        assertThat(requested.get("feesEstimated").decimalValue()).isPositive();

        call(HttpMethod.POST, "/api/financings/" + id + "/confirm", "{}",
                MediaType.APPLICATION_JSON, HttpStatus.OK);
        JsonNode locked = call(HttpMethod.POST, "/api/invoices/" + invoice.get("id").asText()
                + "/issue", null, null, HttpStatus.CONFLICT);
        assertThat(locked.get("detail").asText()).contains("locked");

        awaitStatus(id, "TO_VALIDATE");
        JsonNode mail = awaitValidationMail();
        assertThat(mail.get("to").asText()).isEqualTo("alice@au-bon-moulin.example");
        assertThat(mail.get("text").asText()).contains("208,03", "F124212");
        String link = null;
        for (JsonNode l : mail.get("links")) {
            if (!l.asText().contains("action=cancel")) {
                link = l.asText();
            }
        }
        assertThat(link).isNotNull();
        String token = link.substring(link.indexOf("token=") + 6);

        ResponseEntity<String> page = rest.getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Je valide le prêt");
        assertThat(status(id)).as("opening the link changes nothing").isEqualTo("TO_VALIDATE");

        assertThat(postForm(token, "validate").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postForm(token, "validate").getStatusCode())
                .as("the link is single-use").isEqualTo(HttpStatus.GONE);

        awaitStatus(id, "FUNDED");
        JsonNode entries = call(HttpMethod.GET, "/api/accounting/entries?financingId=" + id,
                null, null, HttpStatus.OK).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("lines").get(0).get("account").asText()).isEqualTo("512000");

        LocalDate earlier = fr.cashadvance.calendar.TargetCalendar.plusBusinessDays(today, 6);
        JsonNode moved = call(HttpMethod.PUT, "/api/financings/" + id + "/repayment-date",
                "{\"repaymentDate\":\"" + earlier + "\"}", MediaType.APPLICATION_JSON,
                HttpStatus.OK);
        assertThat(moved.get("repaymentDate").asText()).isEqualTo(earlier.toString());

        sandboxAdvance("P20D");
        // The sandbox debits and sends its webhooks; whichever wakes the journey first, the
        // operator can also fire the repayment timer through the engine, as the README shows.
        fireRepaymentTimerIfStillWaiting(id);
        awaitStatus(id, "REPAID");

        JsonNode repaid = call(HttpMethod.GET, "/api/financings/" + id, null, null, HttpStatus.OK);
        List<String> statuses = new ArrayList<>();
        repaid.get("history").forEach(h -> statuses.add(h.get("status").asText()));
        assertThat(statuses).containsSubsequence("REQUESTED", "IN_EVALUATION", "TO_VALIDATE",
                "VALIDATED", "FUNDED", "REPAID");
        assertThat(repaid.get("feesFinal").decimalValue()).isPositive();

        JsonNode ledger = call(HttpMethod.GET, "/api/accounting/entries?financingId=" + id,
                null, null, HttpStatus.OK);
        assertThat(ledger.get("totalDebit").decimalValue()).isEqualByComparingTo("416.06")
                .isEqualByComparingTo(ledger.get("totalCredit").decimalValue());
        JsonNode both = ledger.get("entries");
        assertThat(both).hasSize(2);
        assertThat(both.get(1).get("kind").asText()).isEqualTo("ADVANCE_REPAID");
        assertThat(both.get(1).get("totalDebit").decimalValue()).isEqualByComparingTo("208.03");

        String logs = output.getAll();
        assertThat(logs).doesNotContain("FR8811111015593603018280926")
                .doesNotContain(PASSWORD).doesNotContain(token);

        // The sandbox's signed webhooks passed the receiver's checks: only those are remembered.
        assertThat(jdbc.queryForObject("select count(*) from received_webhook", Long.class))
                .isPositive();
        assertThat(logs).doesNotContain("Lender webhook refused: no signature")
                .doesNotContain("Lender webhook refused: signature")
                .doesNotContain("Lender webhook refused: timestamp");
    }

    private void fireRepaymentTimerIfStillWaiting(String id) throws Exception {
        String pid = call(HttpMethod.GET, "/api/financings/" + id, null, null, HttpStatus.OK)
                .get("processInstanceId").asText();
        ResponseEntity<String> jobs = rest.withBasicAuth("ops", PASSWORD).getForEntity(
                "/engine-rest/job?processInstanceId=" + pid + "&timers=true", String.class);
        assertThat(jobs.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode job : json.readTree(jobs.getBody())) {
            rest.withBasicAuth("ops", PASSWORD).postForEntity(
                    "/engine-rest/job/" + job.get("id").asText() + "/execute", null, String.class);
        }
    }

    private ResponseEntity<String> postForm(String token, String action) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", token);
        form.add("action", action);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.postForEntity("/validation", new HttpEntity<>(form, h), String.class);
    }

    private JsonNode awaitValidationMail() {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> box = rest.withBasicAuth("alice", PASSWORD)
                    .getForEntity("/mailbox/messages", String.class);
            assertThat(box.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode messages = json.readTree(box.getBody());
            assertThat(messages).isNotEmpty();
            found[0] = messages.get(0);
        });
        return found[0];
    }

    private void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(status(id)).isEqualTo(expected));
    }

    private String status(String id) throws Exception {
        return call(HttpMethod.GET, "/api/financings/" + id, null, null, HttpStatus.OK)
                .get("status").asText();
    }

    private void sandboxAdvance(String by) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth("sandbox-demo-key");
        var response = rest.exchange("/sandbox-lender/clock/advance?by=" + by, HttpMethod.POST,
                new HttpEntity<>(h), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }

    private JsonNode call(HttpMethod method, String path, String body, MediaType type,
                          HttpStatus expected) throws Exception {
        HttpHeaders h = new HttpHeaders();
        if (type != null) {
            h.setContentType(type);
        }
        ResponseEntity<String> response = rest.withBasicAuth("platform", PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, h), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        if (expected.isError()) {
            assertThat(response.getHeaders().getContentType().toString())
                    .startsWith("application/problem+json");
        }
        return response.getBody() == null ? json.createObjectNode() : json.readTree(response.getBody());
    }
}
