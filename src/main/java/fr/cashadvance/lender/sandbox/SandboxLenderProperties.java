package fr.cashadvance.lender.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox-lender.*}: the built-in stand-in for the real lender.
 *
 * @param evaluationDelay    sandbox time between {@code POST /loans} and the decision
 * @param transferDelay      sandbox time between validation and the wire (scenario ON_TIME)
 * @param tickInterval       how often due work is processed without anyone asking
 * @param defaultCreditLimit pool, in euros, of a credit line created for an unknown borrower
 * @param feesDailyRate      e.g. 0.0007 for 0.07 % a day
 * @param webhookUrl         blank means this application's own {@code /api/lender/webhooks};
 *                           may use {@code ${local.server.port}}, resolved when sending
 * @param webhookSecret      HMAC-SHA256 key the webhooks are signed with; the receiver's
 *                           {@code lender.webhook-secret}
 * @param webhooksEnabled    false keeps webhooks in the outbox unsent (tests that poll instead)
 * @param excludedBuyers     SIRENs of buyers whose invoices the sandbox always declines
 */
@ConfigurationProperties("sandbox-lender")
public record SandboxLenderProperties(
        @DefaultValue("false") boolean enabled,
        String apiKey,
        @DefaultValue("PT3M") Duration evaluationDelay,
        @DefaultValue("PT4H") Duration transferDelay,
        @DefaultValue("PT5S") Duration tickInterval,
        @DefaultValue("50000.00") BigDecimal defaultCreditLimit,
        @DefaultValue("0.0007") BigDecimal feesDailyRate,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("true") boolean webhooksEnabled,
        @DefaultValue List<String> excludedBuyers) {

    public SandboxLenderProperties {
        excludedBuyers = excludedBuyers == null ? List.of() : List.copyOf(excludedBuyers);
    }

    long defaultCreditLimitCents() {
        return defaultCreditLimit.movePointRight(2).longValueExact();
    }

    @Override
    public String toString() {
        return "SandboxLenderProperties[enabled=" + enabled + ", apiKey=***, evaluationDelay="
                + evaluationDelay + ", transferDelay=" + transferDelay + "]";
    }
}
