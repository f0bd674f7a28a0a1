package fr.cashadvance.identifiers;

import java.util.Locale;
import java.util.Map;

/**
 * IBAN as ISO 13616 defines it: a 2-letter country code, 2 check digits, then the national
 * account number (BBAN) in digits and upper-case letters; moving the first 4 characters to the
 * end and reading letters as 10..35 gives a number whose remainder mod 97 is 1.
 *
 * <p>{@link #isValid} accepts the print form (groups of 4, lower case) and judges its
 * {@link #normalize normalized} form; store the normalized form. Never log an IBAN without
 * {@link #mask}.
 */
public final class Iban {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 34;

    /**
     * The mask keeps the country code and the last 4 characters, e.g. {@code FR••••0926}: the
     * country tells an operator which kind of account it is, the last 4 tell two accounts
     * apart, and the fixed run of bullets hides even the length.
     */
    public static final String MASK = "••••";

    // LIMITATION: lengths are listed for the SEPA countries only; any other country is checked
    // against the ISO bounds 15..34, which lets a wrong length through for those countries.
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16),
            Map.entry("BG", 22), Map.entry("CH", 21), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
            Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("VA", 22));

    private Iban() {
    }

    /** True when the normalized value has a valid shape, length for its country and checksum. */
    public static boolean isValid(String value) {
        String iban = normalize(value);
        if (iban == null || iban.length() < 4) {
            return false;
        }
        if (!isLetter(iban.charAt(0)) || !isLetter(iban.charAt(1))
                || !isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
            return false;
        }
        if (!hasExpectedLength(iban)) {
            return false;
        }
        // mod97 also rejects any character that is neither a digit nor an upper-case letter.
        return CheckDigits.mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** Removes all spaces and upper-cases; null stays null. Never throws. */
    public static String normalize(String value) {
        String stripped = CheckDigits.strip(value, false);
        return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
    }

    /** The 2-letter country code of the normalized value, or null when it has none. */
    public static String countryOf(String value) {
        String iban = normalize(value);
        if (iban == null || iban.length() < 2
                || !isLetter(iban.charAt(0)) || !isLetter(iban.charAt(1))) {
            return null;
        }
        return iban.substring(0, 2);
    }

    /**
     * Country code + {@value #MASK} + last 4 characters, e.g. {@code FR••••0926}, safe for logs
     * and screens. A value too short to be an IBAN (under 8 characters) is masked entirely, so
     * that nothing meaningful leaks from a mistyped one; null gives the bare mask.
     */
    public static String mask(String value) {
        String iban = normalize(value);
        if (iban == null || iban.length() < 8) {
            return MASK;
        }
        return iban.substring(0, 2) + MASK + iban.substring(iban.length() - 4);
    }

    private static boolean hasExpectedLength(String iban) {
        Integer expected = LENGTHS.get(iban.substring(0, 2));
        if (expected != null) {
            return iban.length() == expected;
        }
        return iban.length() >= MIN_LENGTH && iban.length() <= MAX_LENGTH;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
