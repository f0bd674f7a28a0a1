package fr.cashadvance.lender;

/** Loan statuses exactly as the lender names them on the wire. */
public enum LenderLoanStatus {
    SUBMITTED,
    PENDING_VALIDATION,
    TO_VALIDATE,
    DECLINED,
    VALIDATED,
    CANCELED,
    SCHEDULED,
    INITIATED,
    TO_REPAY,
    TO_REPAY_FEES,
    CLOSED,
    ISSUE_DETECTED,
    DELETED
}
