package fr.cashadvance.lender.sandbox;

/** When the sandbox wires a validated loan. */
public enum TransferScenario {
    /** After {@code sandbox-lender.transfer-delay}. */
    ON_TIME,
    /** 72 hours after validation, past the 48 hours the business was promised. */
    LATE,
    /** Never: the loan stays VALIDATED until cancelled. */
    NEVER
}
