package fr.cashadvance.financing;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Time windows of the journey; ISO-8601 durations. */
@ConfigurationProperties("financing")
public record FinancingProperties(
        @DefaultValue("P7D") Duration recapValidity,
        @DefaultValue("P2D") Duration validationWindow,
        @DefaultValue("PT48H") Duration transferWindow,
        @DefaultValue("PT1M") Duration lenderPollInterval,
        @DefaultValue("PT1H") Duration debitPollInterval,
        @DefaultValue("10:00") LocalTime repaymentCheckTime,
        @DefaultValue("") String publicBaseUrl) {
}
