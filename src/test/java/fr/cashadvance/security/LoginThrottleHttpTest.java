package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.financing.JourneyTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

class LoginThrottleHttpTest extends JourneyTestSupport {

    @Autowired IdentityService identity;

    @Test
    void guessingPasswordsIsThrottledWithoutLockingTheAccount() throws Exception {
        String id = "probe-" + System.nanoTime();
        var user = identity.newUser(id);
        user.setPassword("right-password");
        identity.saveUser(user);
        identity.createMembership(id, CamundaIdentityAuthenticationProvider.PLATFORM_GROUP);

        assertThat(rest.withBasicAuth(id, "right-password")
                .getForEntity("/api/financings/none", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(rest.withBasicAuth(id, "guess-" + i)
                    .getForEntity("/api/financings/none", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        // A plain client: TestRestTemplate's would honour Retry-After and wait 5 minutes.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        rest.getRootUri() + "/api/financings/none"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((id + ":right-password").getBytes())).build();
        var throttled = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        // The account itself is not locked: Tasklist and the engine still accept it.
        assertThat(identity.checkPassword(id, "right-password")).isTrue();
        // Other accounts from the same address are unaffected.
        assertThat(rest.withBasicAuth("platform", "test-password")
                .getForEntity("/api/financings/none", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
