package fr.cashadvance.statement;

/** Where a business's monthly fee statement stands, with the label people see. */
public enum StatementStatus {
    COMPUTED("Calculé"),
    MISMATCH("Écart avec le prêteur"),
    BOOKED("Comptabilisé"),
    SENT("Envoyé"),
    REVIEWED("Écart traité par un opérateur");

    private final String label;

    StatementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
