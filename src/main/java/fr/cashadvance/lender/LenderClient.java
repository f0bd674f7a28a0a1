package fr.cashadvance.lender;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The lender's HTTP API as this application uses it (DOMAIN §9).
 *
 * <p>Every method either returns the lender's answer or throws a {@link LenderException}:
 * {@link LenderUnavailableException} when the call may be retried (same {@code salt_id} for a
 * creation), {@link LenderRejectedException} when the lender said no and retrying is pointless.
 */
public interface LenderClient {

    /** {@code POST /loans}; the same {@code salt_id} always designates the same loan. */
    LenderLoan createLoan(NewLoan request);

    /** {@code GET /loan/{id}}. */
    LenderLoan getLoan(String loanId);

    /** {@code POST /loan/{id}/validate}: only accepted while the loan is {@code TO_VALIDATE}. */
    LenderLoan validateLoan(String loanId);

    /** {@code POST /loan/{id}/cancel}: only in {@code TO_VALIDATE, VALIDATED, SCHEDULED}. */
    LenderLoan cancelLoan(String loanId);

    /** {@code PATCH /loan/{id}} with a new {@code to_repay_at}. */
    LenderLoan changeRepaymentDate(String loanId, LocalDate toRepayAt);

    /** {@code GET /credit_lines?borrower=...}: the borrower's pool, balances and status. */
    LenderCreditLine creditLine(String borrowerIdentifier);

    /**
     * {@code POST /borrowers}: registers the company with its shared bank accounts. Registering
     * the same identifier again returns the same borrower (updated), never a second one.
     */
    LenderBorrower registerBorrower(NewBorrower request);

    /** {@code GET /borrower/{id}}. */
    LenderBorrower getBorrower(String borrowerId);

    /** {@code POST /eligibility/borrower}: whether, and up to how much, the borrower may borrow. */
    LenderEligibility checkEligibility(EligibilityRequest request);

    /**
     * {@code GET /bills?borrower=...&month=YYYY-MM}: the fee statement of a month that has
     * ended; asking for the current month is refused (HTTP 409).
     */
    LenderBill bill(String borrowerSiren, YearMonth month);
}
