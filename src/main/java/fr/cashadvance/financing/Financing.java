package fr.cashadvance.financing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A cash advance on one invoice, from the recap to the repayment. */
@Entity
@Table(name = "financing")
public class Financing {

    @Id
    private String id;

    private String invoiceId;
    private String businessId;
    private String activeInvoiceId;

    @Enumerated(EnumType.STRING)
    private FinancingStatus status;

    @Column(precision = 19, scale = 2)
    private BigDecimal amount;

    private String currency;

    @Column(precision = 9, scale = 6)
    private BigDecimal feesDailyRate;

    private LocalDate repaymentDate;
    private boolean repaymentPostponed;

    @Column(precision = 19, scale = 2)
    private BigDecimal feesEstimated;

    @Column(precision = 19, scale = 2)
    private BigDecimal feesFinal;

    private String saltId;
    private String lenderLoanId;
    private String processInstanceId;
    private String validationTokenHash;
    private Instant validationTokenExpiresAt;
    private Instant requestedAt;
    private Instant confirmedAt;
    private Instant validatedAt;
    private Instant transferDeadline;
    private Instant fundedAt;
    private Instant repaidAt;
    private String outcomeReason;

    @Version
    private Long version;

    protected Financing() {
    }

    public Financing(String id, String invoiceId, String businessId, BigDecimal amount,
                     String currency, BigDecimal feesDailyRate, LocalDate repaymentDate,
                     BigDecimal feesEstimated, Instant requestedAt) {
        this.id = id;
        this.invoiceId = invoiceId;
        this.businessId = businessId;
        this.activeInvoiceId = invoiceId;
        this.status = FinancingStatus.REQUESTED;
        this.amount = amount;
        this.currency = currency;
        this.feesDailyRate = feesDailyRate;
        this.repaymentDate = repaymentDate;
        this.feesEstimated = feesEstimated;
        this.requestedAt = requestedAt;
        // One salt per financing: every retry of the submission is the same intention.
        this.saltId = "fin-" + id;
    }

    void moveTo(FinancingStatus next) {
        this.status = next;
        if (next.releasesInvoice()) {
            this.activeInvoiceId = null;
        }
    }

    void changeRepaymentDate(LocalDate date, BigDecimal feesEstimated, boolean postponement) {
        this.repaymentDate = date;
        this.feesEstimated = feesEstimated;
        if (postponement) {
            this.repaymentPostponed = true;
        }
    }

    void confirmed(Instant at) { this.confirmedAt = at; }
    void validated(Instant at, Instant transferDeadline) {
        this.validatedAt = at;
        this.transferDeadline = transferDeadline;
    }
    void funded(Instant at) { this.fundedAt = at; }
    void repaid(Instant at, BigDecimal feesFinal) {
        this.repaidAt = at;
        this.feesFinal = feesFinal;
    }
    void outcomeReason(String reason) { this.outcomeReason = reason; }
    void lenderLoanId(String loanId) { this.lenderLoanId = loanId; }
    void processInstanceId(String pid) { this.processInstanceId = pid; }
    void validationToken(String hash, Instant expiresAt) {
        this.validationTokenHash = hash;
        this.validationTokenExpiresAt = expiresAt;
    }
    void consumeValidationToken() {
        this.validationTokenHash = null;
    }

    public String getId() { return id; }
    public String getInvoiceId() { return invoiceId; }
    public String getBusinessId() { return businessId; }
    public FinancingStatus getStatus() { return status; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public BigDecimal getFeesDailyRate() { return feesDailyRate; }
    public LocalDate getRepaymentDate() { return repaymentDate; }
    public boolean isRepaymentPostponed() { return repaymentPostponed; }
    public BigDecimal getFeesEstimated() { return feesEstimated; }
    public BigDecimal getFeesFinal() { return feesFinal; }
    public String getSaltId() { return saltId; }
    public String getLenderLoanId() { return lenderLoanId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getValidationTokenHash() { return validationTokenHash; }
    public Instant getValidationTokenExpiresAt() { return validationTokenExpiresAt; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getValidatedAt() { return validatedAt; }
    public Instant getTransferDeadline() { return transferDeadline; }
    public Instant getFundedAt() { return fundedAt; }
    public Instant getRepaidAt() { return repaidAt; }
    public String getOutcomeReason() { return outcomeReason; }
}
