package fr.cashadvance.identifiers;

/**
 * SIREN, the 9-digit identifier of a French company, whose last digit is a Luhn check digit.
 *
 * <p>{@link #isValid} accepts the number as people type it (with spaces) and judges its
 * {@link #normalize normalized} form; store the normalized form.
 */
public final class Siren {

    public static final int LENGTH = 9;

    private Siren() {
    }

    /** True when, spaces removed, the value is 9 digits passing the Luhn check. */
    public static boolean isValid(String value) {
        String siren = normalize(value);
        return siren != null
                && siren.length() == LENGTH
                && CheckDigits.isDigits(siren)
                && CheckDigits.luhn(siren);
    }

    /** Removes all spaces (regular and no-break); null stays null. Never throws. */
    public static String normalize(String value) {
        return CheckDigits.strip(value, false);
    }
}
