package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.cashadvance.identifiers.Iban;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /borrowers}: the company, the account the advances go to and are debited
 * from, its legal representative, and the bank accounts it agreed to share (with their
 * transactions), from which the lender computes the credit limit.
 *
 * @param identifier       the SIRET (14 digits)
 * @param identifierType   {@code "siret"}
 * @param apeCode          activity code, e.g. {@code 62.01Z}
 * @param companyCreatedOn the company's creation date
 * @param accountNumber    IBAN that receives the advances and is debited for repayments
 */
public record NewBorrower(
        @JsonProperty("identifier") String identifier,
        @JsonProperty("identifier_type") String identifierType,
        @JsonProperty("legal_name") String legalName,
        @JsonProperty("ape_code") String apeCode,
        @JsonProperty("company_created_on") LocalDate companyCreatedOn,
        @JsonProperty("account_number") String accountNumber,
        @JsonProperty("representative") Representative representative,
        @JsonProperty("bank_accounts") List<BankAccount> bankAccounts) {

    public static final String SIRET = "siret";

    public NewBorrower {
        bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
    }

    @Override
    public String toString() {
        // Records print every component; keep IBANs and transactions out of accidental logs.
        return "NewBorrower[identifier=" + identifier + ", legalName=" + legalName
                + ", apeCode=" + apeCode + ", accountNumber=" + Iban.mask(accountNumber)
                + ", bankAccounts=" + bankAccounts.size() + "]";
    }

    /** The company's legal representative; the email is professional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Representative(
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("email") String email,
            @JsonProperty("phone") String phone) {
    }

    /** A shared bank account as bank reconciliation knows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BankAccount(
            @JsonProperty("iban") String iban,
            @JsonProperty("bank_name") String bankName,
            @JsonProperty("transactions") List<Transaction> transactions) {

        public BankAccount {
            transactions = transactions == null ? List.of() : List.copyOf(transactions);
        }

        @Override
        public String toString() {
            return "BankAccount[iban=" + Iban.mask(iban) + ", bankName=" + bankName
                    + ", transactions=" + transactions.size() + "]";
        }
    }

    /**
     * One booked bank transaction.
     *
     * @param amount euro cents: positive for money in, negative for money out
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transaction(
            @JsonProperty("date") LocalDate date,
            @JsonProperty("amount") long amount,
            @JsonProperty("label") String label) {
    }
}
