package fr.cashadvance.lender.sandbox;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A bank account a borrower shared with the sandbox lender, with its transactions. */
@Entity
@Table(name = "sandbox_bank_account")
class SandboxBankAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String iban;
    private String bankName;

    @ElementCollection
    @CollectionTable(name = "sandbox_transaction",
            joinColumns = @JoinColumn(name = "bank_account_id"))
    @OrderColumn(name = "line_no")
    private List<SandboxTransaction> transactions = new ArrayList<>();

    protected SandboxBankAccount() {
    }

    SandboxBankAccount(String iban, String bankName, List<SandboxTransaction> transactions) {
        this.iban = iban;
        this.bankName = bankName;
        this.transactions = new ArrayList<>(transactions);
    }

    String getIban() {
        return iban;
    }

    String getBankName() {
        return bankName;
    }

    List<SandboxTransaction> getTransactions() {
        return List.copyOf(transactions);
    }
}
