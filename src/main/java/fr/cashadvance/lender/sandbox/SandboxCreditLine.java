package fr.cashadvance.lender.sandbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A borrower's pool, keyed by SIREN so that SIREN and SIRET callers share one line. */
@Entity
@Table(name = "sandbox_credit_line")
class SandboxCreditLine {

    @Id
    private String borrowerSiren;

    private long poolAmount;
    private Instant createdAt;

    protected SandboxCreditLine() {
    }

    SandboxCreditLine(String borrowerSiren, long poolAmount, Instant createdAt) {
        this.borrowerSiren = borrowerSiren;
        this.poolAmount = poolAmount;
        this.createdAt = createdAt;
    }

    String getBorrowerSiren() {
        return borrowerSiren;
    }

    long getPoolAmount() {
        return poolAmount;
    }

    void changePoolAmount(long cents) {
        this.poolAmount = cents;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
