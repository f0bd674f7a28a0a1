package fr.cashadvance.connection;

import fr.cashadvance.common.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bank account known from reconciliation, with its recent transactions (as JSON). */
@Entity
@Table(name = "bank_account")
public class BankAccount extends AssignedIdEntity {

    @Id
    private String id;

    private String siren;
    private String iban;
    private String bankName;
    private String transactionsJson;
    private Instant updatedAt;

    protected BankAccount() {
    }

    public BankAccount(String id, String siren, String iban) {
        this.id = id;
        this.siren = siren;
        this.iban = iban;
    }

    void update(String bankName, String transactionsJson, Instant at) {
        this.bankName = bankName;
        this.transactionsJson = transactionsJson;
        this.updatedAt = at;
    }

    @Override
    public String getId() { return id; }
    public String getSiren() { return siren; }
    public String getIban() { return iban; }
    public String getBankName() { return bankName; }
    public String getTransactionsJson() { return transactionsJson; }
    public Instant getUpdatedAt() { return updatedAt; }
}
