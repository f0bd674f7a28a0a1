package fr.cashadvance.financing;

import java.util.EnumSet;
import java.util.Set;

/** The journey's statuses, with the label the business sees. */
public enum FinancingStatus {
    REQUESTED("Récapitulatif"),
    IN_EVALUATION("En évaluation"),
    TO_VALIDATE("À valider"),
    VALIDATED("Validé — virement attendu"),
    FUNDED("Financé"),
    REPAID("Remboursé"),
    DECLINED("Refusé"),
    CANCELLED("Annulé"),
    TRANSFER_LATE("Virement en retard"),
    REPAYMENT_FAILED("Prélèvement rejeté");

    private static final Set<FinancingStatus> ENDED = EnumSet.of(DECLINED, CANCELLED);

    /** Statuses that count against the available balance, and how. */
    private static final Set<FinancingStatus> PENDING_VALIDATION =
            EnumSet.of(IN_EVALUATION, TO_VALIDATE);
    private static final Set<FinancingStatus> OUTSTANDING =
            EnumSet.of(VALIDATED, TRANSFER_LATE, FUNDED, REPAYMENT_FAILED);

    private final String label;

    FinancingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Ended without money moving: the invoice is free again. */
    public boolean releasesInvoice() {
        return ENDED.contains(this);
    }

    public boolean reservesBalance() {
        return PENDING_VALIDATION.contains(this) || OUTSTANDING.contains(this);
    }

    public static Set<FinancingStatus> outstandingStatuses() {
        return EnumSet.copyOf(OUTSTANDING);
    }

    public static Set<FinancingStatus> pendingStatuses() {
        return EnumSet.copyOf(PENDING_VALIDATION);
    }

    public static Set<FinancingStatus> reservingBalance() {
        EnumSet<FinancingStatus> all = EnumSet.copyOf(PENDING_VALIDATION);
        all.addAll(OUTSTANDING);
        return all;
    }
}
