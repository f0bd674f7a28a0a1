package fr.cashadvance.lender.sandbox;

import java.util.Locale;

/** The lender's published sandbox IBANs (BIC FK2FACTO) and what each one does here. */
final class SandboxScenarios {

    /** Wire and debit happen on schedule. */
    static final String SUCCEEDING_IBAN = "FR8811111015593603018280926";
    /** Wire and debit each happen one day later than scheduled. */
    static final String ONE_DAY_LATE_IBAN = "FR3711111025593244332331294";
    /** Declined at evaluation. */
    static final String FAILING_IBAN = "FR1311111045594746737398900";

    private SandboxScenarios() {
    }

    static String normalizeIban(String iban) {
        return iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static boolean isFailing(String iban) {
        return FAILING_IBAN.equals(normalizeIban(iban));
    }

    static boolean isOneDayLate(String iban) {
        return ONE_DAY_LATE_IBAN.equals(normalizeIban(iban));
    }

    /**
     * The SIREN inside a SIREN, a SIRET or a French VAT number ({@code FRkk} + SIREN);
     * anything else is returned unchanged so that it simply matches nothing.
     */
    static String sirenOf(String identifier) {
        if (identifier == null) {
            return null;
        }
        String compact = identifier.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.matches("\\d{14}")) {
            return compact.substring(0, 9);
        }
        if (compact.matches("FR[0-9A-Z]{2}\\d{9}")) {
            return compact.substring(4);
        }
        return compact;
    }
}
