package fr.cashadvance.financing;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time windows of the journey (ISO-8601 durations), the base of email links, and the key that
 * signs them.
 *
 * @param linkSecret HMAC key of the validation links; changing it voids every outstanding link
 */
@ConfigurationProperties("financing")
public record FinancingProperties(
        @DefaultValue("P7D") Duration recapValidity,
        @DefaultValue("P2D") Duration validationWindow,
        @DefaultValue("PT48H") Duration transferWindow,
        @DefaultValue("PT1M") Duration lenderPollInterval,
        @DefaultValue("PT1H") Duration debitPollInterval,
        @DefaultValue("10:00") LocalTime repaymentCheckTime,
        @DefaultValue("") String publicBaseUrl,
        String linkSecret) {

    /** The generated one would print the key wherever the properties get logged. */
    @Override
    public String toString() {
        return "FinancingProperties[recapValidity=" + recapValidity
                + ", validationWindow=" + validationWindow
                + ", transferWindow=" + transferWindow
                + ", lenderPollInterval=" + lenderPollInterval
                + ", debitPollInterval=" + debitPollInterval
                + ", repaymentCheckTime=" + repaymentCheckTime
                + ", publicBaseUrl=" + publicBaseUrl
                + ", linkSecret=" + (linkSecret == null || linkSecret.isEmpty() ? "(none)" : "***")
                + "]";
    }
}
