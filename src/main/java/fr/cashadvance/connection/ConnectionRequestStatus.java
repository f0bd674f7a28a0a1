package fr.cashadvance.connection;

/** Outcome of one connection request, with the label people see. */
public enum ConnectionRequestStatus {
    PENDING("En cours"),
    CONNECTED("Connectée"),
    NOT_ELIGIBLE("Non éligible"),
    REFUSED("Refusée");

    private final String label;

    ConnectionRequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
