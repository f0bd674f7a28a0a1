package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.financing.JourneyTestSupport;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit and Tasklist as a browser sees them: security headers on the pages, a session and a
 * CSRF token after login, and a state-changing call without the token refused.
 */
class WebappHardeningHttpTest extends JourneyTestSupport {

    private static final String NEW_FILTER =
            "{\"resourceType\":\"Task\",\"name\":\"csrf-probe\",\"query\":{}}";

    @LocalServerPort int port;
    @Autowired FilterService filters;
    @Autowired org.camunda.bpm.engine.TaskService tasks;


    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void tasklistPagesCarryTheSecurityHeadersAndSameSiteCookies() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/");

        assertThat(page.statusCode()).isEqualTo(200);
        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "object-src 'none'", "form-action 'self'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-XSS-Protection")).isPresent();
        assertThat(headers.firstValue("Strict-Transport-Security"))
                .as("plain http in the default run: HSTS belongs to the prod profile").isEmpty();
        List<String> setCookies = headers.allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c)
                .startsWith("XSRF-TOKEN=").contains("SameSite=Strict"));
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("HttpOnly").containsOnlyOnce("SameSite=Lax"));
    }

    @Test
    void aStateChangingCallWithoutTheCsrfTokenIsRefusedAndEndsTheSession() throws Exception {
        // The login gives a new session; its token comes with the next read, as in the webapp.
        loginToTasklist("admin");

        HttpResponse<String> withToken = post("/camunda/api/engine/engine/default/filter/create",
                "application/json", NEW_FILTER, true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        filters.createFilterQuery().filterName("csrf-probe").list()
                .forEach(f -> filters.deleteFilter(f.getId()));

        HttpResponse<String> withoutToken = post(
                "/camunda/api/engine/engine/default/filter/create", "application/json", NEW_FILTER,
                false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(filters.createFilterQuery().filterName("csrf-probe").count()).isZero();
        assertThat(post("/camunda/api/engine/engine/default/filter/create", "application/json",
                NEW_FILTER, true).statusCode())
                .as("the refused request ended the session").isEqualTo(401);
    }

    @Test
    void inTasklistAUserOfAnotherBusinessNeitherSeesNorClaimsTheTask() throws Exception {
        var f = financings.request(issuedInvoice("240.00", BUYER_SIREN).id(), null, "test");
        String task = tasks.createTaskQuery().processInstanceId(f.processInstanceId())
                .singleResult().getId();
        String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";

        // bob works for LE FOURNISSEUR, not for the demo business that owns this task.
        loginToTasklist("bob");
        assertThat(get("/camunda/api/engine/engine/default/task?processInstanceId="
                + f.processInstanceId()).body()).isEqualTo("[]");
        assertThat(get("/camunda/api/engine/engine/default/task/" + task).statusCode())
                .isEqualTo(404);
        HttpResponse<String> refused = post(claim, "application/json",
                "{\"userId\":\"bob\"}", true);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        cookies.getCookieStore().removeAll();
        loginToTasklist("alice");
        HttpResponse<String> claimed = post(claim, "application/json",
                "{\"userId\":\"alice\"}", true);
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo("alice");
        financings.cancel(f.id(), "test");
    }

    private void loginToTasklist(String user) throws Exception {
        get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + user
                        + "&password=test-password", true);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body, boolean token)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token) {
            request.header("X-XSRF-TOKEN", xsrfCookie());
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String xsrfCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
