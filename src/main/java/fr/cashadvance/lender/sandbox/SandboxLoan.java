package fr.cashadvance.lender.sandbox;

import fr.cashadvance.lender.LenderLoanStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A loan held by the sandbox lender. Times are sandbox times. */
@Entity
@Table(name = "sandbox_loan")
class SandboxLoan {

    @Id
    private String id;

    @Column(name = "salt_id", nullable = false, updatable = false)
    private String saltId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private LenderLoanStatus status;

    private long amount;
    private String currency;
    private String borrowerIdentifier;
    private String borrowerIdentifierType;
    private String borrowerSiren;
    private String accountNumber;
    private String accountHolder;
    private LocalDate toPayAt;
    private LocalDate toRepayAt;

    @Convert(converter = StringListJsonConverter.class)
    private List<String> invoiceIds;

    private String buyerIdentifier;
    private boolean autoValidate;
    private BigDecimal feesDailyRate;
    private String denialReason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private TransferScenario transferScenario;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private DebitScenario debitScenario;

    private Instant nextActionAt;
    private Instant createdAt;
    private Instant validatedAt;
    private Instant paidAt;
    private Instant repaidAt;
    private Instant repaymentFailedAt;
    private Instant canceledAt;

    @Version
    private Long version;

    protected SandboxLoan() {
    }

    static SandboxLoan submitted(SandboxApi.LoanRequest request, String borrowerSiren,
                                 BigDecimal feesDailyRate, Instant now, Instant evaluateAt) {
        SandboxLoan loan = new SandboxLoan();
        loan.id = "loan_" + UUID.randomUUID().toString().replace("-", "");
        loan.saltId = request.saltId();
        loan.status = LenderLoanStatus.SUBMITTED;
        loan.amount = request.amount();
        loan.currency = request.currency();
        loan.borrowerIdentifier = request.borrower().identifier();
        loan.borrowerIdentifierType = request.borrower().identifierType();
        loan.borrowerSiren = borrowerSiren;
        loan.accountNumber = SandboxScenarios.normalizeIban(request.loanTo().accountNumber());
        loan.accountHolder = request.loanTo().accountHolder();
        loan.toPayAt = request.toPayAt();
        loan.toRepayAt = request.toRepayAt();
        loan.invoiceIds = List.copyOf(request.invoiceIds());
        loan.buyerIdentifier = request.buyerIdentifier();
        loan.autoValidate = Boolean.TRUE.equals(request.autoValidate());
        loan.feesDailyRate = feesDailyRate;
        loan.transferScenario = TransferScenario.ON_TIME;
        loan.debitScenario = DebitScenario.SUCCEEDS;
        loan.createdAt = now;
        loan.nextActionAt = evaluateAt;
        return loan;
    }

    void accept() {
        status = LenderLoanStatus.TO_VALIDATE;
        nextActionAt = null;
    }

    void decline(String reason) {
        status = LenderLoanStatus.DECLINED;
        denialReason = reason;
        nextActionAt = null;
    }

    void validate(Instant at, Instant transferAt) {
        status = LenderLoanStatus.VALIDATED;
        validatedAt = at;
        nextActionAt = transferAt;
    }

    void pay(Instant at, Instant debitAt) {
        status = LenderLoanStatus.TO_REPAY;
        paidAt = at;
        nextActionAt = debitAt;
    }

    void close(Instant at) {
        status = LenderLoanStatus.CLOSED;
        repaidAt = at;
        nextActionAt = null;
    }

    void failRepayment(Instant at) {
        status = LenderLoanStatus.ISSUE_DETECTED;
        repaymentFailedAt = at;
        nextActionAt = null;
    }

    void cancel(Instant at) {
        status = LenderLoanStatus.CANCELED;
        canceledAt = at;
        nextActionAt = null;
    }

    void reschedule(Instant nextAction) {
        nextActionAt = nextAction;
    }

    void changeRepaymentDate(LocalDate date) {
        toRepayAt = date;
    }

    void changeScenario(TransferScenario transfer, DebitScenario debit) {
        if (transfer != null) {
            transferScenario = transfer;
        }
        if (debit != null) {
            debitScenario = debit;
        }
    }

    String getId() {
        return id;
    }

    String getSaltId() {
        return saltId;
    }

    LenderLoanStatus getStatus() {
        return status;
    }

    long getAmount() {
        return amount;
    }

    String getCurrency() {
        return currency;
    }

    String getBorrowerIdentifier() {
        return borrowerIdentifier;
    }

    String getBorrowerIdentifierType() {
        return borrowerIdentifierType;
    }

    String getBorrowerSiren() {
        return borrowerSiren;
    }

    String getAccountNumber() {
        return accountNumber;
    }

    String getAccountHolder() {
        return accountHolder;
    }

    LocalDate getToPayAt() {
        return toPayAt;
    }

    LocalDate getToRepayAt() {
        return toRepayAt;
    }

    List<String> getInvoiceIds() {
        return invoiceIds;
    }

    String getBuyerIdentifier() {
        return buyerIdentifier;
    }

    boolean isAutoValidate() {
        return autoValidate;
    }

    BigDecimal getFeesDailyRate() {
        return feesDailyRate;
    }

    String getDenialReason() {
        return denialReason;
    }

    TransferScenario getTransferScenario() {
        return transferScenario;
    }

    DebitScenario getDebitScenario() {
        return debitScenario;
    }

    Instant getNextActionAt() {
        return nextActionAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getValidatedAt() {
        return validatedAt;
    }

    Instant getPaidAt() {
        return paidAt;
    }

    Instant getRepaidAt() {
        return repaidAt;
    }

    Instant getRepaymentFailedAt() {
        return repaymentFailedAt;
    }

    Instant getCanceledAt() {
        return canceledAt;
    }
}
