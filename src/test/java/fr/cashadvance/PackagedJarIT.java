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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the repackaged jar with {@code java -jar}, as an operator would, and checks what differs
 * inside a fat jar: the BPMN and the forms are deployed, and every door asks for credentials.
 */
class PackagedJarIT {

    private static final String PASSWORD = "it-" + System.nanoTime();
    private static Process app;
    private static int port;
    private static Path workDir;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startJar() throws Exception {
        String jar = System.getProperty("packagedJar");
        assertThat(new File(jar)).exists();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        workDir = Files.createTempDirectory("packaged-jar-it");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar,
                "--server.port=" + port, "--mail-catcher.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + "/it")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile());
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
