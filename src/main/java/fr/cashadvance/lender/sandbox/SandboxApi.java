package fr.cashadvance.lender.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.lender.NewBorrower.Representative;
import fr.cashadvance.lender.NewLoan.Borrower;
import fr.cashadvance.lender.LenderLoanStatus;
import fr.cashadvance.lender.NewLoan.LoanTo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the sandbox lender's HTTP API, snake_case as the real lender spells them. */
final class SandboxApi {

    private SandboxApi() {
    }

    /** Body of {@code POST /loans}; boxed so that a missing field is told apart from zero. */
    // LIMITATION: wait_for_validation is accepted and ignored: the sandbox always answers at
    // once with the loan SUBMITTED, and the decision follows after evaluation-delay.
    record LoanRequest(
            @JsonProperty("amount") Long amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("borrower") Borrower borrower,
            @JsonProperty("loan_to") LoanTo loanTo,
            @JsonProperty("to_pay_at") LocalDate toPayAt,
            @JsonProperty("to_repay_at") LocalDate toRepayAt,
            @JsonProperty("invoice_ids") List<String> invoiceIds,
            @JsonProperty("salt_id") String saltId,
            @JsonProperty("auto_validate") Boolean autoValidate,
            @JsonProperty("wait_for_validation") Boolean waitForValidation,
            @JsonProperty("buyer_identifier") String buyerIdentifier) {
    }

    record RepaymentDateChange(@JsonProperty("to_repay_at") LocalDate toRepayAt) {
    }

    record Scenario(
            @JsonProperty("transfer") TransferScenario transfer,
            @JsonProperty("debit") DebitScenario debit) {
    }

    record PoolChange(@JsonProperty("pool_amount") Long poolAmount) {
    }

    record Loan(
            @JsonProperty("id") String id,
            @JsonProperty("status") LenderLoanStatus status,
            @JsonProperty("amount") long amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("borrower") Borrower borrower,
            @JsonProperty("loan_to") LoanTo loanTo,
            @JsonProperty("to_pay_at") LocalDate toPayAt,
            @JsonProperty("to_repay_at") LocalDate toRepayAt,
            @JsonProperty("earliest_to_repay_at") LocalDate earliestToRepayAt,
            @JsonProperty("invoice_ids") List<String> invoiceIds,
            @JsonProperty("salt_id") String saltId,
            @JsonProperty("auto_validate") boolean autoValidate,
            @JsonProperty("buyer_identifier") String buyerIdentifier,
            @JsonProperty("fees_daily_rate") BigDecimal feesDailyRate,
            @JsonProperty("fees_estimated") long feesEstimated,
            @JsonProperty("fees_ongoing") long feesOngoing,
            @JsonProperty("denial_reason") String denialReason,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("validated_at") Instant validatedAt,
            @JsonProperty("paid_at") Instant paidAt,
            @JsonProperty("repaid_at") Instant repaidAt,
            @JsonProperty("repayment_failed_at") Instant repaymentFailedAt,
            @JsonProperty("canceled_at") Instant canceledAt,
            @JsonProperty("scenario") Scenario scenario) {

        static Loan of(SandboxLoan loan, Instant sandboxNow) {
            return new Loan(
                    loan.getId(),
                    loan.getStatus(),
                    loan.getAmount(),
                    loan.getCurrency(),
                    new Borrower(loan.getBorrowerIdentifier(), loan.getBorrowerIdentifierType()),
                    new LoanTo(loan.getAccountNumber(), loan.getAccountHolder()),
                    loan.getToPayAt(),
                    loan.getToRepayAt(),
                    SandboxSchedule.earliestRepaymentDate(sandboxNow),
                    loan.getInvoiceIds(),
                    loan.getSaltId(),
                    loan.isAutoValidate(),
                    loan.getBuyerIdentifier(),
                    loan.getFeesDailyRate(),
                    SandboxSchedule.feesEstimated(loan, sandboxNow),
                    SandboxSchedule.feesOngoing(loan, sandboxNow),
                    loan.getDenialReason(),
                    loan.getCreatedAt(),
                    loan.getValidatedAt(),
                    loan.getPaidAt(),
                    loan.getRepaidAt(),
                    loan.getRepaymentFailedAt(),
                    loan.getCanceledAt(),
                    new Scenario(loan.getTransferScenario(), loan.getDebitScenario()));
        }
    }

    /** {@code balance_available} is zero while the line is blocked. */
    record CreditLine(
            @JsonProperty("borrower") String borrowerSiren,
            @JsonProperty("currency") String currency,
            @JsonProperty("pool_amount") long poolAmount,
            @JsonProperty("balance_available") long balanceAvailable,
            @JsonProperty("balance_pending_validation") long balancePendingValidation,
            @JsonProperty("balance_outstanding") long balanceOutstanding,
            @JsonProperty("status") SandboxCreditLineStatus status) {
    }

    /** Body of {@code POST /borrowers}; boxed so that a missing field is told apart from zero. */
    record BorrowerRequest(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("identifier_type") String identifierType,
            @JsonProperty("legal_name") String legalName,
            @JsonProperty("ape_code") String apeCode,
            @JsonProperty("company_created_on") LocalDate companyCreatedOn,
            @JsonProperty("account_number") String accountNumber,
            @JsonProperty("representative") Representative representative,
            @JsonProperty("bank_accounts") List<BankAccountRequest> bankAccounts) {

        @Override
        public String toString() {
            return "BorrowerRequest[identifier=" + identifier + ", accountNumber="
                    + Iban.mask(accountNumber) + "]";
        }
    }

    record BankAccountRequest(
            @JsonProperty("iban") String iban,
            @JsonProperty("bank_name") String bankName,
            @JsonProperty("transactions") List<TransactionRequest> transactions) {

        @Override
        public String toString() {
            return "BankAccountRequest[iban=" + Iban.mask(iban) + "]";
        }
    }

    record TransactionRequest(
            @JsonProperty("date") LocalDate date,
            @JsonProperty("amount") Long amount,
            @JsonProperty("label") String label) {
    }

    /** A registered borrower; its status is its credit line's. */
    record RegisteredBorrower(
            @JsonProperty("id") String id,
            @JsonProperty("identifier") String identifier,
            @JsonProperty("identifier_type") String identifierType,
            @JsonProperty("siren") String siren,
            @JsonProperty("legal_name") String legalName,
            @JsonProperty("ape_code") String apeCode,
            @JsonProperty("company_created_on") LocalDate companyCreatedOn,
            @JsonProperty("account_number") String accountNumber,
            @JsonProperty("bank_accounts_shared") int bankAccountsShared,
            @JsonProperty("status") SandboxCreditLineStatus status,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static RegisteredBorrower of(SandboxBorrower borrower, SandboxCreditLineStatus status) {
            return new RegisteredBorrower(borrower.getId(), borrower.getIdentifier(),
                    borrower.getIdentifierType(), borrower.getSiren(), borrower.getLegalName(),
                    borrower.getApeCode(), borrower.getCompanyCreatedOn(),
                    borrower.getAccountNumber(), borrower.getBankAccounts().size(), status,
                    borrower.getCreatedAt(), borrower.getUpdatedAt());
        }
    }

    /** A registration answer, and whether it created the borrower or updated it. */
    record Registration(RegisteredBorrower borrower, boolean created) {
    }

    record EligibilityQuery(@JsonProperty("borrower_id") String borrowerId) {
    }

    record Eligibility(
            @JsonProperty("is_eligible") boolean isEligible,
            @JsonProperty("max_amount") long maxAmount,
            @JsonProperty("fees_daily_rate") BigDecimal feesDailyRate,
            @JsonProperty("reasons") List<Reason> reasons) {
    }

    record Reason(
            @JsonProperty("code") String code,
            @JsonProperty("description") String description) {

        static Reason of(SandboxEligibilityReason reason) {
            return new Reason(reason.name(), reason.description());
        }
    }

    record Clock(
            @JsonProperty("now") Instant now,
            @JsonProperty("today") LocalDate today,
            @JsonProperty("offset") String offset) {
    }

    /** A month's fee statement for one borrower (SIREN); amounts in cents. */
    record Bill(
            @JsonProperty("borrower") String borrower,
            @JsonProperty("month") String month,
            @JsonProperty("total") long total,
            @JsonProperty("lines") List<BillLine> lines) {
    }

    record BillLine(
            @JsonProperty("loan_id") String loanId,
            @JsonProperty("amount") long amount) {
    }

    /**
     * Test control body: cents added to a loan's line of a month (negative to take some off);
     * in the answer, the loan's whole adjustment for that month.
     */
    record BillAdjustment(
            @JsonProperty("loan_id") String loanId,
            @JsonProperty("month") String month,
            @JsonProperty("amount") Long amount) {
    }

    /** A loan creation answer, and whether it created the loan or replayed its salt. */
    record Creation(Loan loan, boolean created) {
    }
}
