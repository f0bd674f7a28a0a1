package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The lender's fee statement for one borrower and one month, issued on the 1st of the month
 * after: one line per loan for the fees accrued in the month (DOMAIN §7), in euro cents.
 *
 * @param borrower the borrower's SIREN
 * @param month    {@code YYYY-MM}, as the lender spells it
 * @param total    the sum of the lines, as the lender states it (checked, not trusted)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderBill(
        @JsonProperty("borrower") String borrower,
        @JsonProperty("month") String month,
        @JsonProperty("total") long total,
        @JsonProperty("lines") List<Line> lines) {

    public LenderBill {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The fees of one loan for the month, in cents (zero for a loan that accrued nothing). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(
            @JsonProperty("loan_id") String loanId,
            @JsonProperty("amount") long amount) {
    }
}
