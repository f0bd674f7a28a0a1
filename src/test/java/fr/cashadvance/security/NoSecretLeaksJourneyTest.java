package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.connection.ConnectionService;
import fr.cashadvance.connection.TestSirets;
import fr.cashadvance.financing.FinancingStatus;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.identifiers.Iban;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A connection through the API, another through the Tasklist start form, and a financing up to
 * the money received, then a search of everything a person or a log reader could see: the
 * console output, the API answers, the process variables, their history, the incidents. None
 * holds a full IBAN or a secret of the run.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretLeaksJourneyTest extends JourneyTestSupport {

    private static final String DEMO_IBAN = "FR8811111015593603018280926";
    private static final String CONNECTION_IBAN = "FR7630006000011234567890189";
    /** As a person types it in Tasklist: lower case, in groups of four. */
    private static final String TYPED_IBAN = "fr76 3000 6000 0112 3456 7890 189";
    // Country, check digits, then account characters, optionally grouped by single spaces.
    private static final Pattern IBAN_SHAPE =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,32}", Pattern.CASE_INSENSITIVE);
    // Countries whose IBAN length Iban checks exactly: a random id rarely passes by chance.
    private static final List<String> SEPA_COUNTRIES = List.of("FR", "MC", "DE", "BE", "LU",
            "NL", "ES", "IT", "PT", "AT", "IE", "GB", "CH");

    @Autowired HistoryService history;
    @Autowired FormService forms;
    @Autowired RepositoryService repository;
    @Autowired Environment env;

    @Test
    void noFullIbanNorSecretReachesLogsApiVariablesOrHistory(CapturedOutput output) {
        List<String> seen = new ArrayList<>();

        String apiConnection = connectThroughTheApi(seen);
        String formConnection = connectThroughTheStartForm();
        FinancingView funded = funded(issuedInvoice("1500.00", BUYER_SIREN));
        assertThat(status(funded.id())).isEqualTo(FinancingStatus.FUNDED);
        seen.add(platformGet("/api/financings/" + funded.id()));
        seen.add(platformGet("/api/businesses/" + funded.businessId()));

        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(formConnection)
                .variableName("iban").count()).as("the start form's IBAN is dropped").isZero();
        seen.add(output.getAll());
        runtime.createVariableInstanceQuery().list()
                .forEach(v -> seen.add(v.getName() + "=" + v.getValue()));
        history.createHistoricVariableInstanceQuery().includeDeleted().list()
                .forEach(v -> seen.add(v.getName() + "=" + v.getValue()));
        history.createHistoricDetailQuery().variableUpdates().list()
                .forEach(d -> seen.add(d.toString() + " " + ((org.camunda.bpm.engine.history
                        .HistoricVariableUpdate) d).getValue()));
        runtime.createIncidentQuery().list().forEach(i -> seen.add(i.getIncidentMessage()));
        management.createJobQuery().withException().list()
                .forEach(j -> seen.add(j.getExceptionMessage()));

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(formConnection)
                .variableName("iban").includeDeleted().singleResult().getValue())
                .as("history keeps the start form's IBAN masked").isEqualTo("FR••••0189");
        assertThat(apiConnection).contains("FR••••0189");
        String everything = String.join("\n", seen);
        assertThat(fullIbansIn(everything)).isEmpty();
        assertThat(everything).doesNotContain(DEMO_IBAN, CONNECTION_IBAN,
                "FR76 3000 6000 0112 3456 7890 189", TYPED_IBAN);
        for (String secret : List.of("lender.api-key", "lender.webhook-secret",
                "financing.link-secret", "demo.password")) {
            String value = env.getRequiredProperty(secret);
            assertThat(value).isNotBlank();
            assertThat(everything).as(secret).doesNotContain(value);
        }
    }

    private String connectThroughTheApi(List<String> seen) {
        String siret = TestSirets.newSiret();
        LocalDate month = today().withDayOfMonth(1).minusMonths(1);
        String body = """
                {"siret":"%s","apeCode":"62.01Z","iban":"%s","legalName":"Atelier Secret",
                 "companyCreatedOn":"2018-04-01",
                 "representative":{"firstName":"Jeanne","lastName":"Martin",
                   "email":"jeanne.martin@atelier.example","phone":"+33 6 12 34 56 78"},
                 "consentToShareBankAccounts":true,
                 "bankAccounts":[{"iban":"%s","bankName":"Banque Exemple",
                   "transactions":[{"date":"%s","amount":12000.00,"label":"Clients"}]}]}
                """.formatted(siret, CONNECTION_IBAN, CONNECTION_IBAN, month.plusDays(9));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/connections", new HttpEntity<>(body, headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        executeAllJobs((String) created.getBody().get("processInstanceId"));

        String connection = platformGet("/api/connections/" + created.getBody().get("id"));
        seen.add(connection);
        seen.add(platformGet("/api/businesses?siren=" + siret.substring(0, 9)));
        return connection;
    }

    private String connectThroughTheStartForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("siret", TestSirets.newSiret());
        form.put("legalName", "Atelier Formulaire");
        form.put("apeCode", "62.01Z");
        form.put("iban", TYPED_IBAN);
        form.put("companyCreatedOn", "2012-06-01");
        form.put("representativeFirstName", "Paul");
        form.put("representativeLastName", "Durand");
        form.put("representativeEmail", "paul.durand@atelier.example");
        form.put("consent", true);
        String definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ConnectionService.PROCESS_KEY).latestVersion()
                .singleResult().getId();

        String instance = forms.submitStartForm(definition, form).getId();
        executeAllJobs(instance);
        return instance;
    }

    private String platformGet(String path) {
        var response = rest.withBasicAuth("platform", "test-password").getForEntity(path,
                String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Every valid IBAN hidden in the text, whatever its case and grouping. */
    static List<String> fullIbansIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = IBAN_SHAPE.matcher(text);
        while (m.find()) {
            String compact = Iban.normalize(m.group());
            if (!SEPA_COUNTRIES.contains(compact.substring(0, 2))) {
                continue;
            }
            for (int end = Math.min(compact.length(), Iban.MAX_LENGTH); end >= Iban.MIN_LENGTH;
                 end--) {
                if (Iban.isValid(compact.substring(0, end))) {
                    found.add(Iban.mask(compact) + " at " + m.start());
                    break;
                }
            }
        }
        return found;
    }
}
