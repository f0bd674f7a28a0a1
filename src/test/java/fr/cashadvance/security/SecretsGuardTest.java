package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

class SecretsGuardTest {

    private static final String GOOD_KEY = "k3y-from-the-vault-0001";
    private static final String GOOD_WEBHOOK = "wh-from-the-vault-0002";
    private static final String GOOD_LINK = "ln-from-the-vault-0003";

    private final List<String> warnings = new ArrayList<>();
    private final SecretsGuard guard = new SecretsGuard(destination -> capturingLog());

    /** A run that is not the demo one, on H2 and the mail catcher: the three keys matter. */
    private static MockEnvironment nonDemoRun() {
        return new MockEnvironment()
                .withProperty("demo.enabled", "false")
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x")
                .withProperty("mail-catcher.enabled", "true")
                .withProperty("lender.base-url", "https://lender.example")
                .withProperty("financing.public-base-url", "https://avance.example");
    }

    private static MockEnvironment withGoodKeys(MockEnvironment env) {
        return env.withProperty("lender.api-key", GOOD_KEY)
                .withProperty("lender.webhook-secret", GOOD_WEBHOOK)
                .withProperty("financing.link-secret", GOOD_LINK);
    }

    @Test
    void missingSecretsAreAllNamedByTheirVariableAtOnce() {
        assertThatThrownBy(() -> guard.postProcessEnvironment(nonDemoRun(), null))
                .isInstanceOf(MissingSecretsException.class)
                .hasMessageContaining("LENDER_API_KEY (missing)")
                .hasMessageContaining("LENDER_WEBHOOK_SECRET (missing)")
                .hasMessageContaining("LINK_SIGNING_SECRET (missing)");
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        MockEnvironment env = withGoodKeys(nonDemoRun()).withProperty("lender.api-key", "short-key");

        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null))
                .hasMessageContaining("LENDER_API_KEY (shorter than 16 characters)")
                .hasMessageNotContaining("short-key")
                .hasMessageNotContaining("LINK_SIGNING_SECRET");
    }

    @Test
    void aDemoValueIsRefusedEvenInAnotherSecret() {
        MockEnvironment env = withGoodKeys(nonDemoRun())
                .withProperty("lender.webhook-secret", "demo-link-signing-secret");

        assertThat(SecretsGuard.problems(env))
                .containsExactly("LENDER_WEBHOOK_SECRET (a public demo value)");
    }

    @Test
    void aRunWithItsOwnSecretsStarts() {
        guard.postProcessEnvironment(withGoodKeys(nonDemoRun()), null);

        assertThat(warnings).isEmpty();
    }

    @Test
    void aProductionLikeRunAlsoNeedsItsPasswords() {
        MockEnvironment env = withGoodKeys(new MockEnvironment())
                .withProperty("demo.enabled", "false")
                .withProperty("sandbox-lender.enabled", "false")
                .withProperty("mail-catcher.enabled", "false")
                .withProperty("spring.mail.properties.mail.smtp.auth", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/cashadvance")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "demo");

        assertThat(SecretsGuard.problems(env)).containsExactly(
                "CAMUNDA_ADMIN_PASSWORD (a public demo value)", "DATABASE_USERNAME (missing)",
                "DATABASE_PASSWORD (missing)", "SMTP_HOST (missing)", "SMTP_USERNAME (missing)",
                "SMTP_PASSWORD (missing)", "LENDER_BASE_URL (missing)",
                "PUBLIC_BASE_URL (missing)");

        env.withProperty("camunda.bpm.admin-user.password", "Adm1n!pass-phrase")
                .withProperty("spring.datasource.username", "cashadvance")
                .withProperty("spring.datasource.password", "db-pass")
                .withProperty("spring.mail.host", "smtp.example")
                .withProperty("spring.mail.username", "mailer")
                .withProperty("spring.mail.password", "smtp-pass")
                .withProperty("lender.base-url", "https://lender.example")
                .withProperty("financing.public-base-url", "https://avance.example");
        assertThat(SecretsGuard.problems(env)).isEmpty();
    }

    @Test
    void theSandboxOutsideTheDemoRunNeedsTheSameKeys() {
        MockEnvironment env = withGoodKeys(nonDemoRun())
                .withProperty("sandbox-lender.enabled", "true")
                .withProperty("sandbox-lender.api-key", "sandbox-demo-key")
                .withProperty("sandbox-lender.webhook-secret", GOOD_WEBHOOK);

        assertThat(SecretsGuard.problems(env))
                .containsExactly("LENDER_API_KEY (a public demo value)");
    }

    @Test
    void theDemoRunStartsWithOneWarningNamingNoValue() {
        MockEnvironment env = new MockEnvironment().withProperty("demo.enabled", "true")
                .withProperty("lender.api-key", "sandbox-demo-key")
                .withProperty("lender.webhook-secret", "sandbox-webhook-demo-secret")
                .withProperty("financing.link-secret", "demo-link-signing-secret")
                .withProperty("demo.password", "demo");

        guard.postProcessEnvironment(env, null);

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("LENDER_API_KEY", "LENDER_WEBHOOK_SECRET",
                "LINK_SIGNING_SECRET", "DEMO_PASSWORD").doesNotContain("sandbox-demo-key", "demo-");
    }

    @Test
    void theDemoRunIsRefusedInTheProdProfile() {
        MockEnvironment env = new MockEnvironment().withProperty("demo.enabled", "true");
        env.setActiveProfiles("prod");

        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null))
                .hasMessageContaining("demo.enabled=true");
    }

    @Test
    void everyDemoDefaultOfTheShippedConfigurationIsKnownToTheGuard() throws Exception {
        String yml = new ClassPathResource("application.yml").getContentAsString(
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\$\\{(LENDER_API_KEY|LENDER_WEBHOOK_SECRET"
                + "|LINK_SIGNING_SECRET|DEMO_PASSWORD):([^}]*)}").matcher(yml);
        List<String> defaults = new ArrayList<>();
        while (m.find()) {
            defaults.add(m.group(2));
        }

        assertThat(defaults).hasSizeGreaterThanOrEqualTo(4);
        assertThat(SecretsGuard.DEMO_VALUES).containsAll(defaults);
    }

    private Log capturingLog() {
        return (Log) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Log.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add(String.valueOf(args[0]));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }
}
