package fr.cashadvance.invoice;

public enum InvoiceState {
    DRAFT,
    ISSUED
}
