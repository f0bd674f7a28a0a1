package fr.cashadvance.security;

/** The kinds of resources that belong to one business; the label names them in a 404. */
public enum OwnedKind {
    BUSINESS("Entreprise"),
    INVOICE("Facture"),
    FINANCING("Financement"),
    CONNECTION("Connexion"),
    FEE_STATEMENT("Relevé de frais"),
    ACCOUNTING_ENTRY("Écriture");

    private final String label;

    OwnedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
