package fr.cashadvance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the repackaged jar with {@code java -jar}, as an operator would, and checks what differs
 * inside a fat jar: the BPMN and the forms are deployed, every door asks for credentials, and
 * a stop while a financing waits for its transfer loses nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

    private static final String PASSWORD = "it-" + System.nanoTime();
    private static Process app;
    private static int port;
    private static Path workDir;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startJar() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        workDir = Files.createTempDirectory("packaged-jar-it");
        start();
    }

    private static void start() throws Exception {
        String jar = System.getProperty("packagedJar");
        assertThat(new File(jar)).exists();
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar,
                "--server.port=" + port, "--mail-catcher.port=0",
                "--sandbox-lender.evaluation-delay=PT1S",
                "--sandbox-lender.transfer-delay=PT20S",
                "--sandbox-lender.tick-interval=PT1S",
                "--financing.lender-poll-interval=PT2S",
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db")
                        + "/it;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("app.log").toFile()));
        pb.environment().put("DEMO_PASSWORD", PASSWORD);
        long started = System.nanoTime();
        app = pb.start();
        awaitHealthy(Duration.ofSeconds(120));
        System.out.printf("Packaged jar served /actuator/health after %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopJar() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    @Order(99)
    void aRestartWhileWaitingForTheTransferLosesNothing() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String invoice = """
                {"businessId":"au-bon-moulin","number":"RESTART-1","issueDate":"%s",
                 "dueDate":"%s","currency":"EUR","totalHt":1000.00,"totalVat":200.00,
                 "totalTtc":1200.00,"state":"ISSUED",
                 "buyer":{"name":"Client SA","siren":"732829320","country":"FR"}}
                """.formatted(today.minusDays(2), today.plusDays(40));
        String invoiceId = field(send("POST", "/api/invoices", invoice, 201), "id");
        String financingId = field(send("POST", "/api/invoices/" + invoiceId + "/financings",
                "{}", 201), "id");
        send("POST", "/api/financings/" + financingId + "/confirm", "{}", 200);
        awaitStatus(financingId, "TO_VALIDATE", Duration.ofSeconds(60));
        send("POST", "/api/financings/" + financingId + "/validate", null, 200);
        assertThat(status(financingId)).isEqualTo("VALIDATED");

        app.destroy();
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        start();

        assertThat(status(financingId)).isIn("VALIDATED", "FUNDED");
        awaitStatus(financingId, "FUNDED", Duration.ofSeconds(90));
        String after = send("GET", "/api/financings/" + financingId, null, 200);
        assertThat(after).contains("\"REQUESTED\"", "\"IN_EVALUATION\"", "\"TO_VALIDATE\"",
                "\"VALIDATED\"", "\"FUNDED\"");
        String entries = send("GET", "/api/accounting/entries?financingId=" + financingId, null,
                200);
        assertThat(entries).contains("\"entries\":[", "\"totalDebit\"", "ADVANCE_RECEIVED")
                .doesNotContain("ADVANCE_REPAID");
    }

    @Test
    void deploysTheJourneyAndItsFormsFromTheFatJar() throws Exception {
        var definition = get("/engine-rest/process-definition/key/invoice-financing", "admin");
        assertThat(definition.statusCode()).isEqualTo(200);
        assertThat(definition.body()).contains("\"key\":\"invoice-financing\"");

        String deploymentId = definition.body().replaceAll(".*\"deploymentId\":\"([^\"]+)\".*",
                "$1");
        var resources = get("/engine-rest/deployment/" + deploymentId + "/resources", "admin");
        assertThat(resources.body()).contains("recap-confirmation.form",
                "loan-validation.form", "invoice-financing.bpmn");
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/invoices/any", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void seedsTheDemoAccountsWithTheConfiguredPassword() throws Exception {
        var missing = get("/api/invoices/does-not-exist", "platform");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private static String send(String method, String path, String body, int expected)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("platform:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body();
    }

    private static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String status(String financingId) throws Exception {
        return field(send("GET", "/api/financings/" + financingId, null, 200), "status");
    }

    private static void awaitStatus(String financingId, String expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = status(financingId);
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Financing " + financingId + " stayed " + last + ", expected "
                + expected + "\n" + tail());
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (user != null) {
            String password = "wrong".equals(user) ? "nope" : PASSWORD;
            String login = "wrong".equals(user) ? "admin" : user;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The jar exited:\n" + tail());
            }
            try {
                if (get("/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The jar did not become healthy in time:\n" + tail());
    }

    private static String tail() throws Exception {
        String log = Files.readString(workDir.resolve("app.log"));
        return log.substring(Math.max(0, log.length() - 4000));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
