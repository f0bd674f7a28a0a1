package fr.cashadvance.lender.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.lender.LenderProperties;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped application.yml binds to the lender and sandbox settings the brief names. */
class LenderConfigurationTest {

    @Test
    void shippedDefaultsRunAgainstTheSandbox() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.get(env),
                new PropertySourcesPlaceholdersResolver(env));

        LenderProperties lender = binder.bind("lender", LenderProperties.class).get();
        SandboxLenderProperties sandbox =
                binder.bind("sandbox-lender", SandboxLenderProperties.class).get();

        assertThat(lender.baseUrl()).isBlank();
        assertThat(lender.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(lender.readTimeout()).isLessThan(Duration.ofMinutes(5));
        assertThat(lender.toString()).doesNotContain(lender.apiKey());
        assertThat(sandbox.enabled()).isTrue();
        assertThat(sandbox.evaluationDelay()).isEqualTo(Duration.ofMinutes(3));
        assertThat(sandbox.transferDelay()).isEqualTo(Duration.ofHours(4));
        assertThat(sandbox.defaultCreditLimitCents()).isEqualTo(5_000_000L);
        assertThat(sandbox.feesDailyRate()).isEqualByComparingTo(new BigDecimal("0.0007"));
        assertThat(sandbox.excludedBuyers()).isEmpty();
        assertThat(sandbox.webhooksEnabled()).isTrue();
        assertThat(sandbox.apiKey()).isEqualTo(lender.apiKey());
        assertThat(lender.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(lender.webhookSecret()).isNotBlank().isEqualTo(sandbox.webhookSecret());
        assertThat(lender.toString()).doesNotContain(lender.webhookSecret());
    }
}
