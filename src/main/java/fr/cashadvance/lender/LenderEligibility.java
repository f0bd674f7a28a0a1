package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The lender's answer to {@code POST /eligibility/borrower}.
 *
 * @param maxAmount     the credit limit in euro cents; zero when not eligible
 * @param feesDailyRate e.g. {@code 0.0007} for 0.07 % a day
 * @param reasons       why the borrower is not eligible (or why its limit is zero); empty when
 *                      it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderEligibility(
        @JsonProperty("is_eligible") boolean isEligible,
        @JsonProperty("max_amount") long maxAmount,
        @JsonProperty("fees_daily_rate") BigDecimal feesDailyRate,
        @JsonProperty("reasons") List<Reason> reasons) {

    public LenderEligibility {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** @param code stable, e.g. {@code INSUFFICIENT_HISTORY}; description in French */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(
            @JsonProperty("code") String code,
            @JsonProperty("description") String description) {
    }
}
