package fr.cashadvance.accounting;

public enum EntryKind {
    ADVANCE_RECEIVED,
    ADVANCE_REPAID,
    /** The lender's fees of one month, billed on its monthly statement. */
    FEES,
    /** Mirror of another entry, which stays as booked. */
    REVERSAL
}
