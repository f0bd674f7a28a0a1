package fr.cashadvance.lender.sandbox;

/**
 * Why the sandbox lender finds a borrower not eligible. The first four come from
 * {@link SandboxCreditPolicy}; the last two from the credit line itself.
 */
enum SandboxEligibilityReason {

    NO_BANK_ACCOUNT("Aucun compte bancaire partagé : la limite de crédit se calcule sur les "
            + "encaissements des comptes partagés."),
    INSUFFICIENT_HISTORY("Historique bancaire insuffisant : au moins 3 des 6 derniers mois "
            + "complets doivent comporter des opérations."),
    COMPANY_TOO_YOUNG("Entreprise créée il y a moins de 6 mois."),
    INFLOWS_TOO_LOW("Encaissements trop faibles : 30 % de l'encaissement mensuel moyen est "
            + "inférieur à 100 €."),
    CREDIT_LIMIT_ZERO("Limite de crédit fixée à zéro par le prêteur."),
    BORROWER_BLOCKED("Emprunteur bloqué par le prêteur.");

    private final String description;

    SandboxEligibilityReason(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
