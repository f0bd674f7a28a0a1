package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.cashadvance.identifiers.Iban;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /loans}.
 *
 * @param amount          what the lender wires, in euro cents
 * @param saltId          idempotency key: resending it returns the loan already created
 * @param buyerIdentifier SIREN or VAT number of the invoice's buyer; a sandbox extension that
 *                        the real lender ignores, may be {@code null}
 */
public record NewLoan(
        @JsonProperty("amount") long amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("borrower") Borrower borrower,
        @JsonProperty("loan_to") LoanTo loanTo,
        @JsonProperty("to_pay_at") LocalDate toPayAt,
        @JsonProperty("to_repay_at") LocalDate toRepayAt,
        @JsonProperty("invoice_ids") List<String> invoiceIds,
        @JsonProperty("salt_id") String saltId,
        @JsonProperty("auto_validate") boolean autoValidate,
        @JsonProperty("wait_for_validation") boolean waitForValidation,
        @JsonProperty("buyer_identifier") String buyerIdentifier) {

    public NewLoan {
        invoiceIds = invoiceIds == null ? List.of() : List.copyOf(invoiceIds);
    }

    /**
     * The borrowing company as the lender identifies it.
     *
     * @param identifier     SIREN (9 digits) or SIRET (14 digits)
     * @param identifierType {@code "siren"} or {@code "siret"}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Borrower(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("identifier_type") String identifierType) {

        public static Borrower siren(String siren) {
            return new Borrower(siren, "siren");
        }

        public static Borrower siret(String siret) {
            return new Borrower(siret, "siret");
        }
    }

    /**
     * Where the lender wires the advance, and which account it later debits.
     *
     * @param accountNumber the IBAN; never log it whole (see {@link Iban#mask})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LoanTo(
            @JsonProperty("account_number") String accountNumber,
            @JsonProperty("account_holder") String accountHolder) {

        @Override
        public String toString() {
            // Records print every component; keep the IBAN out of accidental logs.
            return "LoanTo[accountNumber=" + Iban.mask(accountNumber)
                    + ", accountHolder=" + accountHolder + "]";
        }
    }
}
