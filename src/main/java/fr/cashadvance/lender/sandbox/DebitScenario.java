package fr.cashadvance.lender.sandbox;

/** What the direct debit on the repayment date does. */
public enum DebitScenario {
    SUCCEEDS,
    FAILS
}
