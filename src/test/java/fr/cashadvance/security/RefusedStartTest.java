package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.CashAdvanceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;

/**
 * The real application, started as an operator would start a non-demo run, stops before any
 * bean exists. The machine's environment variables are left out so that the test does not
 * depend on them.
 */
class RefusedStartTest {

    private static StandardEnvironment withoutMachineVariables() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        return env;
    }

    @Test
    void aNonDemoRunWithTheShippedDemoValuesRefusesToStart() {
        var app = new SpringApplicationBuilder(CashAdvanceApplication.class)
                .environment(withoutMachineVariables()).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--demo.enabled=false"))
                .isInstanceOf(MissingSecretsException.class)
                .hasMessageContaining("LENDER_API_KEY (a public demo value)")
                .hasMessageContaining("LENDER_WEBHOOK_SECRET (a public demo value)")
                .hasMessageContaining("LINK_SIGNING_SECRET (a public demo value)")
                .hasMessageNotContaining("sandbox-demo-key")
                .hasMessageNotContaining("demo-link-signing-secret");
    }

    @Test
    void theProdProfileWithoutSecretsNamesThemAll() {
        var app = new SpringApplicationBuilder(CashAdvanceApplication.class)
                .environment(withoutMachineVariables()).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--spring.profiles.active=prod"))
                .isInstanceOf(MissingSecretsException.class)
                .hasMessageContaining("LENDER_API_KEY (missing)")
                .hasMessageContaining("LENDER_WEBHOOK_SECRET (missing)")
                .hasMessageContaining("LINK_SIGNING_SECRET (missing)")
                .hasMessageContaining("CAMUNDA_ADMIN_PASSWORD (missing)")
                .hasMessageContaining("DATABASE_PASSWORD (missing)")
                .hasMessageContaining("SMTP_PASSWORD (missing)");
    }
}
