package fr.cashadvance.connection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** POST /api/connections: what the platform sends to connect a business. */
public record ConnectionBody(
        String siret,
        String apeCode,
        String iban,
        String legalName,
        LocalDate companyCreatedOn,
        Representative representative,
        Boolean consentToShareBankAccounts,
        List<Account> bankAccounts) {

    public record Representative(String firstName, String lastName, String email, String phone) {
    }

    /** An account known from bank reconciliation, with its recent transactions. */
    public record Account(String iban, String bankName, List<Transaction> transactions) {
    }

    /** amount: positive for an inflow, negative for an outflow, in euros. */
    public record Transaction(LocalDate date, BigDecimal amount, String label) {
    }
}
