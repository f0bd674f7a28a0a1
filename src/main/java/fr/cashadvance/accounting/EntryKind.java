package fr.cashadvance.accounting;

public enum EntryKind {
    ADVANCE_RECEIVED,
    ADVANCE_REPAID
}
