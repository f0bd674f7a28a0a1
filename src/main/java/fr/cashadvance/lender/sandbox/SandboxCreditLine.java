package fr.cashadvance.lender.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A borrower's pool and status, keyed by SIREN so that SIREN and SIRET callers (and every
 * registered establishment of one company) share one line.
 */
@Entity
@Table(name = "sandbox_credit_line")
class SandboxCreditLine {

    @Id
    private String borrowerSiren;

    private long poolAmount;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private SandboxCreditLineStatus status = SandboxCreditLineStatus.ACTIVE;

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

    SandboxCreditLineStatus getStatus() {
        return status;
    }

    boolean isBlocked() {
        return status == SandboxCreditLineStatus.BLOCKED;
    }

    /** True when the status actually changed. */
    boolean changeStatus(SandboxCreditLineStatus newStatus) {
        if (status == newStatus) {
            return false;
        }
        status = newStatus;
        return true;
    }
}
