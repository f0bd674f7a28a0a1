package fr.cashadvance.lender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import fr.cashadvance.lender.NewLoan.Borrower;
import fr.cashadvance.lender.NewLoan.LoanTo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

/** The HTTP client against a local stub server: no Spring context, loopback only. */
class HttpLenderClientTest {

    private static final String API_KEY = "test-key-123";
    private static final String IBAN = "FR8811111015593603018280926";

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String responseBody = "{}";
    private volatile String responseType = "application/json";

    record Recorded(String method, String uri, String authorization, String body) {
    }

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            requests.add(new Recorded(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        byte[] body = responseBody.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", responseType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String stubUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private HttpLenderClient client(String baseUrl, Duration readTimeout, MockEnvironment env) {
        RestClient.Builder builder = RestClient.builder().messageConverters(converters -> {
            converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
            converters.add(new MappingJackson2HttpMessageConverter(json));
        });
        return new HttpLenderClient(builder,
                new LenderProperties(baseUrl, API_KEY, Duration.ofSeconds(2), readTimeout,
                        null, Duration.ofMinutes(5)), env);
    }

    private HttpLenderClient client() {
        return client(stubUrl() + "/", Duration.ofSeconds(5), new MockEnvironment());
    }

    private static NewLoan newLoan() {
        return new NewLoan(1_234_56L, "EUR", Borrower.siret("99999999800019"),
                new LoanTo(IBAN, "Au bon moulin"), null, LocalDate.of(2026, 3, 16),
                List.of("inv-42"), "financing-7", false, false, null);
    }

    @Test
    void createLoanSendsSnakeCaseBodyWithBearerAndReadsTheLoan() throws Exception {
        responseBody = """
                {"id":"loan_1","status":"SUBMITTED","amount":123456,"currency":"EUR",
                 "borrower":{"identifier":"99999999800019","identifier_type":"siret"},
                 "to_repay_at":"2026-03-16","earliest_to_repay_at":"2026-02-03",
                 "invoice_ids":["inv-42"],"salt_id":"financing-7","fees_daily_rate":0.0007,
                 "fees_estimated":3457,"fees_ongoing":0,"created_at":"2026-01-30T09:15:00Z",
                 "some_future_field":{"nested":true}}""";
        status = 201;

        LenderLoan loan = client().createLoan(newLoan());

        assertThat(loan.id()).isEqualTo("loan_1");
        assertThat(loan.status()).isEqualTo(LenderLoanStatus.SUBMITTED);
        assertThat(loan.amount()).isEqualTo(123456L);
        assertThat(loan.borrower()).isEqualTo(Borrower.siret("99999999800019"));
        assertThat(loan.toRepayAt()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(loan.feesDailyRate()).isEqualByComparingTo("0.0007");
        assertThat(loan.feesEstimated()).isEqualTo(3457L);
        assertThat(loan.createdAt()).isEqualTo(Instant.parse("2026-01-30T09:15:00Z"));
        assertThat(loan.paidAt()).isNull();

        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/loans");
        assertThat(sent.authorization()).isEqualTo("Bearer " + API_KEY);
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("amount").asLong()).isEqualTo(123456L);
        assertThat(body.path("borrower").path("identifier_type").asText()).isEqualTo("siret");
        assertThat(body.path("loan_to").path("account_number").asText()).isEqualTo(IBAN);
        assertThat(body.path("to_repay_at").asText()).isEqualTo("2026-03-16");
        assertThat(body.path("invoice_ids").get(0).asText()).isEqualTo("inv-42");
        assertThat(body.path("salt_id").asText()).isEqualTo("financing-7");
        assertThat(body.path("auto_validate").asBoolean(true)).isFalse();
        assertThat(body.has("buyer_identifier")).isFalse();
    }

    @Test
    void patchSendsOnlyTheNewRepaymentDate() throws Exception {
        responseBody = """
                {"id":"loan_9","status":"TO_REPAY","amount":100,"to_repay_at":"2026-04-01"}""";

        LenderLoan loan = client().changeRepaymentDate("loan_9", LocalDate.of(2026, 4, 1));

        assertThat(loan.toRepayAt()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(requests.get(0).method()).isEqualTo("PATCH");
        assertThat(requests.get(0).uri()).isEqualTo("/loan/loan_9");
        assertThat(json.readTree(requests.get(0).body()).toString())
                .isEqualTo("{\"to_repay_at\":\"2026-04-01\"}");
    }

    @Test
    void creditLineQueryEncodesTheBorrower() {
        responseBody = """
                {"pool_amount":5000000,"balance_available":4000000,
                 "balance_pending_validation":600000,"balance_outstanding":400000,
                 "status":"BLOCKED"}""";

        LenderCreditLine line = client().creditLine("999999998");

        assertThat(line).isEqualTo(
                new LenderCreditLine(5_000_000, 4_000_000, 600_000, 400_000, "BLOCKED"));
        assertThat(requests.get(0).uri()).isEqualTo("/credit_lines?borrower=999999998");
    }

    @Test
    void registerBorrowerSendsTheCompanyItsAccountsAndTransactionsInSnakeCase()
            throws Exception {
        responseBody = """
                {"id":"bor_1","identifier":"99999999800019","identifier_type":"siret",
                 "siren":"999999998","status":"ACTIVE","created_at":"2026-01-30T09:15:00Z",
                 "legal_name":"Au bon moulin"}""";
        status = 201;
        NewBorrower request = new NewBorrower("99999999800019", NewBorrower.SIRET,
                "Au bon moulin", "10.71C", LocalDate.of(2012, 4, 2), IBAN,
                new NewBorrower.Representative("Alice", "Martin", "alice@au-bon-moulin.fr",
                        "+33 1 23 45 67 89"),
                List.of(new NewBorrower.BankAccount(IBAN, "Banque de test", List.of(
                        new NewBorrower.Transaction(LocalDate.of(2026, 1, 5), 1_234_56L,
                                "VIR CLIENT"),
                        new NewBorrower.Transaction(LocalDate.of(2026, 1, 6), -50_00L,
                                "PRLV ENERGIE")))));

        LenderBorrower borrower = client().registerBorrower(request);

        assertThat(borrower).isEqualTo(new LenderBorrower("bor_1", "99999999800019",
                "999999998", "ACTIVE", Instant.parse("2026-01-30T09:15:00Z")));
        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/borrowers");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("identifier_type").asText()).isEqualTo("siret");
        assertThat(body.path("legal_name").asText()).isEqualTo("Au bon moulin");
        assertThat(body.path("ape_code").asText()).isEqualTo("10.71C");
        assertThat(body.path("company_created_on").asText()).isEqualTo("2012-04-02");
        assertThat(body.path("account_number").asText()).isEqualTo(IBAN);
        assertThat(body.path("representative").path("first_name").asText()).isEqualTo("Alice");
        assertThat(body.path("representative").path("last_name").asText()).isEqualTo("Martin");
        JsonNode account = body.path("bank_accounts").get(0);
        assertThat(account.path("bank_name").asText()).isEqualTo("Banque de test");
        assertThat(account.path("transactions").get(1).path("amount").asLong())
                .isEqualTo(-5_000L);
        assertThat(account.path("transactions").get(0).path("date").asText())
                .isEqualTo("2026-01-05");
        assertThat(request.toString()).contains("FR••••0926").doesNotContain(IBAN);
        assertThat(request.bankAccounts().get(0).toString()).doesNotContain(IBAN);
    }

    @Test
    void getBorrowerReadsItsStatus() {
        responseBody = """
                {"id":"bor_7","identifier":"99999999800019","siren":"999999998",
                 "status":"BLOCKED"}""";

        LenderBorrower borrower = client().getBorrower("bor_7");

        assertThat(borrower.status()).isEqualTo(LenderBorrower.BLOCKED);
        assertThat(requests.get(0).method()).isEqualTo("GET");
        assertThat(requests.get(0).uri()).isEqualTo("/borrower/bor_7");
    }

    @Test
    void eligibilitySendsTheBorrowerIdAndReadsTheReasons() throws Exception {
        responseBody = """
                {"is_eligible":false,"max_amount":0,"fees_daily_rate":0.0007,
                 "reasons":[{"code":"INSUFFICIENT_HISTORY","description":"Historique"}]}""";

        LenderEligibility eligibility =
                client().checkEligibility(new EligibilityRequest("bor_1"));

        assertThat(eligibility.isEligible()).isFalse();
        assertThat(eligibility.maxAmount()).isZero();
        assertThat(eligibility.feesDailyRate()).isEqualByComparingTo("0.0007");
        assertThat(eligibility.reasons()).containsExactly(
                new LenderEligibility.Reason("INSUFFICIENT_HISTORY", "Historique"));
        assertThat(requests.get(0).uri()).isEqualTo("/eligibility/borrower");
        assertThat(json.readTree(requests.get(0).body()).toString())
                .isEqualTo("{\"borrower_id\":\"bor_1\"}");
    }

    @Test
    void billAsksForTheMonthAndReadsItsLinesInCents() {
        responseBody = """
                {"borrower":"552100554","month":"2026-11","total":10535,
                 "lines":[{"loan_id":"loan_1","amount":10500},
                          {"loan_id":"loan_2","amount":35,"days":5}]}""";

        LenderBill bill = client().bill("552100554", java.time.YearMonth.of(2026, 11));

        assertThat(bill).isEqualTo(new LenderBill("552100554", "2026-11", 10535, List.of(
                new LenderBill.Line("loan_1", 10500), new LenderBill.Line("loan_2", 35))));
        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.uri()).isEqualTo("/bills?borrower=552100554&month=2026-11");
        assertThat(sent.authorization()).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void gatewayTimeoutIsRetryable() {
        status = 504;
        responseBody = "<html>upstream timed out</html>";
        responseType = "text/html";

        assertThatThrownBy(() -> client().createLoan(newLoan()))
                .isInstanceOf(LenderUnavailableException.class)
                .hasMessageContaining("504");
    }

    @Test
    void clientErrorIsRejectedWithTheLenderMessageAndNoSecrets() {
        status = 422;
        responseType = "application/problem+json";
        responseBody = """
                {"type":"about:blank","title":"Invalid","status":422,
                 "detail":"account FR8811111015593603018280926 is closed"}""";

        assertThatThrownBy(() -> client().createLoan(newLoan()))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.lenderMessage()).isEqualTo("account FR••••0926 is closed");
                    assertThat(e.getMessage()).contains("422", "FR••••0926")
                            .doesNotContain(IBAN, API_KEY);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void tooManyRequestsIsRetryable() {
        status = 429;
        responseBody = "{\"message\":\"slow down\"}";

        assertThatThrownBy(() -> client().getLoan("loan_1"))
                .isInstanceOf(LenderUnavailableException.class)
                .hasMessageContaining("slow down");
    }

    @Test
    void unreadableSuccessIsRetryable() {
        responseBody = "{\"id\":\"loan_1\",\"status\":\"SOMETHING_NEW\"}";

        assertThatThrownBy(() -> client().getLoan("loan_1"))
                .isInstanceOf(LenderUnavailableException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void silentServerTimesOutAsUnavailable() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpLenderClient client = client("http://127.0.0.1:" + silent.getLocalPort(),
                    Duration.ofMillis(300), new MockEnvironment());

            long start = System.nanoTime();
            assertThatThrownBy(() -> client.validateLoan("loan_1"))
                    .isInstanceOf(LenderUnavailableException.class)
                    .hasMessageContaining("unreachable");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        HttpLenderClient client = client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1),
                new MockEnvironment());

        assertThatThrownBy(() -> client.getLoan("loan_1"))
                .isInstanceOf(LenderUnavailableException.class);
    }

    @Test
    void blankBaseUrlTargetsTheSandboxOnThePortKnownAtCallTime() {
        server.removeContext("/");
        server.createContext("/sandbox-lender", this::answer);
        responseBody = "{\"id\":\"loan_5\",\"status\":\"TO_VALIDATE\",\"amount\":1}";
        MockEnvironment env = new MockEnvironment().withProperty("sandbox-lender.enabled", "true");
        HttpLenderClient client = client("", Duration.ofSeconds(5), env);

        assertThatThrownBy(() -> client.getLoan("loan_5"))
                .isInstanceOf(LenderUnavailableException.class)
                .hasMessageContaining("port");

        env.setProperty("local.server.port", String.valueOf(server.getAddress().getPort()));
        assertThat(client.getLoan("loan_5").status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(requests.get(0).uri()).isEqualTo("/sandbox-lender/loan/loan_5");
    }

    @Test
    void blankBaseUrlWithoutSandboxFailsAtStartup() {
        assertThatThrownBy(() -> client(" ", Duration.ofSeconds(1), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lender.base-url");
    }

    @Test
    void loanToNeverPrintsTheWholeIban() {
        assertThat(new LoanTo(IBAN, "Au bon moulin").toString())
                .contains("FR••••0926").doesNotContain(IBAN);
    }

    @Test
    void ibanMaskingFindsEveryIbanInFreeText() {
        String text = "from FR1311111045594746737398900 to DE89 3704 0044 0532 0130 00.";
        assertThat(IbanMasking.maskAllIn(text)).isEqualTo("from FR••••8900 to DE••••3000.");
        assertThat(IbanMasking.maskAllIn("loan loan_1 status TO_REPAY"))
                .isEqualTo("loan loan_1 status TO_REPAY");
    }
}
