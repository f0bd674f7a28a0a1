package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /eligibility/borrower}. */
public record EligibilityRequest(@JsonProperty("borrower_id") String borrowerId) {
}
