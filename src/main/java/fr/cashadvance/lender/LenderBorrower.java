package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A borrower as the lender returns it.
 *
 * @param id         the lender's id of the borrower, used by {@code GET /borrower/{id}} and
 *                   eligibility
 * @param identifier the SIRET it was registered with
 * @param status     {@code ACTIVE} or {@code BLOCKED} (kept as text: the lender may add more)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LenderBorrower(
        @JsonProperty("id") String id,
        @JsonProperty("identifier") String identifier,
        @JsonProperty("siren") String siren,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") Instant createdAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String BLOCKED = "BLOCKED";
}
