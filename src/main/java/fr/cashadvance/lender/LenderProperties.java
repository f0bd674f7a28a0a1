package fr.cashadvance.lender;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lender.*}: how to reach the lender.
 *
 * @param baseUrl        blank means the built-in sandbox lender of this very application
 * @param readTimeout    kept well below the Camunda job lock time (5 min), so a hung call
 *                       fails and is retried instead of being run twice by another job executor
 * @param webhookSecret  HMAC-SHA256 key the lender signs its webhooks with
 * @param webhookTolerance how far a webhook's signed timestamp may be from our clock, either way
 */
@ConfigurationProperties("lender")
public record LenderProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout,
        String webhookSecret,
        @DefaultValue("PT5M") Duration webhookTolerance) {

    @Override
    public String toString() {
        return "LenderProperties[baseUrl=" + baseUrl + ", apiKey=***, connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", webhookSecret=***"
                + ", webhookTolerance=" + webhookTolerance + "]";
    }
}
