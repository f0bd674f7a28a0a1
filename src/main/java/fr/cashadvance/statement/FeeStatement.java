package fr.cashadvance.statement;

import fr.cashadvance.common.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A business's fee statement for one month, once per business and month. */
@Entity
@Table(name = "fee_statement")
public class FeeStatement extends AssignedIdEntity {

    @Id
    private String id;

    private String businessId;
    private String period;

    @Enumerated(EnumType.STRING)
    private StatementStatus status;

    @Column(precision = 19, scale = 2)
    private BigDecimal totalOurs;

    @Column(precision = 19, scale = 2)
    private BigDecimal totalLender;

    private String linesJson;
    private String differences;
    private String accountingEntryId;
    private Instant createdAt;
    private Instant updatedAt;

    protected FeeStatement() {
    }

    FeeStatement(String id, String businessId, String period, BigDecimal totalOurs,
                 String linesJson, Instant now) {
        this.id = id;
        this.businessId = businessId;
        this.period = period;
        this.totalOurs = totalOurs;
        this.linesJson = linesJson;
        this.status = StatementStatus.COMPUTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void recomputed(BigDecimal totalOurs, String linesJson, Instant now) {
        this.totalOurs = totalOurs;
        this.linesJson = linesJson;
        this.totalLender = null;
        this.differences = null;
        this.status = StatementStatus.COMPUTED;
        this.updatedAt = now;
    }

    void reconciled(BigDecimal totalLender, String linesJson, String differences, Instant now) {
        this.totalLender = totalLender;
        this.linesJson = linesJson;
        this.differences = differences;
        this.status = differences == null ? this.status : StatementStatus.MISMATCH;
        this.updatedAt = now;
    }

    void moveTo(StatementStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    void booked(String entryId, Instant now) {
        this.accountingEntryId = entryId;
        moveTo(StatementStatus.BOOKED, now);
    }

    @Override
    public String getId() { return id; }
    public String getBusinessId() { return businessId; }
    public String getPeriod() { return period; }
    public StatementStatus getStatus() { return status; }
    public BigDecimal getTotalOurs() { return totalOurs; }
    public BigDecimal getTotalLender() { return totalLender; }
    public String getLinesJson() { return linesJson; }
    public String getDifferences() { return differences; }
    public String getAccountingEntryId() { return accountingEntryId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
