package fr.cashadvance.lender.sandbox;

/** A credit line is ACTIVE, or BLOCKED by the lender: then nothing new is lent on it. */
enum SandboxCreditLineStatus {
    ACTIVE,
    BLOCKED
}
