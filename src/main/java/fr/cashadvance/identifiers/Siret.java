package fr.cashadvance.identifiers;

/**
 * SIRET, the 14-digit identifier of a French establishment: its company's SIREN followed by a
 * 5-digit establishment number (NIC), the whole passing the Luhn check.
 *
 * <p>La Poste (SIREN 356000000) has more establishments than one Luhn check digit allows, so
 * INSEE numbers them with another rule: the sum of the 14 digits is a multiple of 5. Its head
 * office, 35600000000048, predates that rule and passes Luhn instead (its digit sum is 26), so
 * for La Poste either rule is accepted.
 */
public final class Siret {

    public static final int LENGTH = 14;
    public static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    /** True when, spaces removed, the value is a well-formed SIRET with a correct check. */
    public static boolean isValid(String value) {
        String siret = normalize(value);
        if (siret == null || siret.length() != LENGTH || !CheckDigits.isDigits(siret)) {
            return false;
        }
        if (CheckDigits.luhn(siret)) {
            return true;
        }
        return siret.startsWith(LA_POSTE_SIREN) && CheckDigits.digitSum(siret) % 5 == 0;
    }

    /** Removes all spaces (regular and no-break); null stays null. Never throws. */
    public static String normalize(String value) {
        return CheckDigits.strip(value, false);
    }

    /**
     * The SIREN of the establishment's company: its first 9 digits.
     *
     * @throws IllegalArgumentException when the value, spaces removed, is not 14 digits
     *     (the check digit is not verified here: use {@link #isValid} for that)
     */
    public static String sirenOf(String value) {
        String siret = normalize(value);
        if (siret == null || siret.length() != LENGTH || !CheckDigits.isDigits(siret)) {
            throw new IllegalArgumentException("Not a 14-digit SIRET: " + value);
        }
        return siret.substring(0, Siren.LENGTH);
    }
}
