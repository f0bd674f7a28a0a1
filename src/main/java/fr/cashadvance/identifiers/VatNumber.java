package fr.cashadvance.identifiers;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Intra-community VAT number for the countries a financed invoice's buyer may be in: France,
 * Belgium, Germany, Spain and the Netherlands. A number from any other country is not valid
 * here, because no invoice with such a buyer can be financed.
 *
 * <p>{@link #isValid} accepts the number as printed on invoices (spaces, dots, hyphens, lower
 * case) and judges its {@link #normalize normalized} form; store the normalized form.
 */
public final class VatNumber {

    // LIMITATION: only the format and check characters are verified; whether the number is
    // registered and active would need the EU's VIES service, which nothing here calls.

    public static final Set<String> SUPPORTED_COUNTRIES = Set.of("FR", "BE", "DE", "ES", "NL");

    /** Control letters of Spanish personal numbers (DNI, NIE, K/L/M), indexed by n mod 23. */
    private static final String ES_PERSON_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    /** Control letters of Spanish company numbers (CIF), indexed by the control digit. */
    private static final String ES_COMPANY_LETTERS = "JABCDEFGHI";

    private VatNumber() {
    }

    /** True when the number is well formed and its check passes for its country. */
    public static boolean isValid(String value) {
        String vat = normalize(value);
        String country = countryOf(vat);
        if (country == null) {
            return false;
        }
        String rest = vat.substring(2);
        return switch (country) {
            case "FR" -> isValidFrench(rest);
            case "BE" -> isValidBelgian(rest);
            case "DE" -> isValidGerman(rest);
            case "NL" -> isValidDutch(rest);
            case "ES" -> isValidSpanish(rest);
            default -> false;
        };
    }

    /** Removes spaces, dots and hyphens and upper-cases; null stays null. Never throws. */
    public static String normalize(String value) {
        String stripped = CheckDigits.strip(value, true);
        return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
    }

    /**
     * The 2-letter prefix of the normalized number (as VAT numbers spell it: Greece is
     * {@code EL}), or null when it does not start with two letters.
     */
    public static String countryOf(String value) {
        String vat = normalize(value);
        if (vat == null || vat.length() < 2
                || !isUpperLetter(vat.charAt(0)) || !isUpperLetter(vat.charAt(1))) {
            return null;
        }
        return vat.substring(0, 2);
    }

    public static boolean isSupportedCountry(String countryCode) {
        return countryCode != null
                && SUPPORTED_COUNTRIES.contains(countryCode.toUpperCase(Locale.ROOT));
    }

    /**
     * The SIREN inside a French VAT number ({@code FR} + 2-character key + 9 digits), or empty
     * for anything else. Only the shape is required: call {@link #isValid} for the checks.
     */
    public static Optional<String> sirenOf(String value) {
        String vat = normalize(value);
        if (vat == null || vat.length() != 13 || !vat.startsWith("FR")) {
            return Optional.empty();
        }
        String siren = vat.substring(4);
        return CheckDigits.isDigits(siren) ? Optional.of(siren) : Optional.empty();
    }

    /**
     * The French VAT number of a company, with the numeric key the tax administration derives
     * from its SIREN, e.g. {@code 999999998} gives {@code FR11999999998}.
     *
     * @throws IllegalArgumentException when the SIREN is not valid
     */
    public static String fromSiren(String siren) {
        if (!Siren.isValid(siren)) {
            throw new IllegalArgumentException("Not a valid SIREN: " + siren);
        }
        String normalized = Siren.normalize(siren);
        return "FR" + String.format("%02d", frenchKey(normalized)) + normalized;
    }

    private static boolean isValidFrench(String rest) {
        if (rest.length() != 11) {
            return false;
        }
        String key = rest.substring(0, 2);
        String siren = rest.substring(2);
        if (!Siren.isValid(siren)) {
            return false;
        }
        if (CheckDigits.isDigits(key)) {
            return Integer.parseInt(key) == frenchKey(siren);
        }
        // LIMITATION: keys with a letter (given to some companies instead of the numeric key)
        // follow an algorithm the tax administration does not publish; only their shape is
        // checked (digits and letters other than I and O), so a wrong letter key passes.
        return isFrenchKeyChar(key.charAt(0)) && isFrenchKeyChar(key.charAt(1));
    }

    private static int frenchKey(String siren) {
        return (int) ((12 + 3 * (Long.parseLong(siren) % 97)) % 97);
    }

    private static boolean isFrenchKeyChar(char c) {
        return (c >= '0' && c <= '9') || (isUpperLetter(c) && c != 'I' && c != 'O');
    }

    /**
     * Belgian enterprise number: 10 digits starting with 0 or 1, the last two being
     * 97 minus the first eight mod 97.
     */
    private static boolean isValidBelgian(String rest) {
        if (rest.length() != 10 || !CheckDigits.isDigits(rest)) {
            return false;
        }
        if (rest.charAt(0) != '0' && rest.charAt(0) != '1') {
            return false;
        }
        long body = Long.parseLong(rest.substring(0, 8));
        int check = Integer.parseInt(rest.substring(8));
        return 97 - body % 97 == check;
    }

    /** German USt-IdNr.: 9 digits, not starting with 0, check digit by ISO 7064 MOD 11,10. */
    private static boolean isValidGerman(String rest) {
        if (rest.length() != 9 || !CheckDigits.isDigits(rest) || rest.charAt(0) == '0') {
            return false;
        }
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (rest.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = (11 - product) % 10;
        return check == rest.charAt(8) - '0';
    }

    /**
     * Dutch btw-id: 9 digits, {@code B}, 2 digits. Numbers derived from a company's RSIN pass
     * the weighted mod-11 test on the 9 digits; those given to sole traders since 2020 pass
     * mod 97 over the whole number instead (letters read as in an IBAN). Either is accepted.
     */
    private static boolean isValidDutch(String rest) {
        if (rest.length() != 12 || rest.charAt(9) != 'B') {
            return false;
        }
        String digits = rest.substring(0, 9);
        if (!CheckDigits.isDigits(digits) || !CheckDigits.isDigits(rest.substring(10))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        sum -= digits.charAt(8) - '0';
        boolean rsinBased = sum % 11 == 0;
        return rsinBased || CheckDigits.mod97("NL" + rest) == 1;
    }

    /**
     * Spanish NIF, 9 characters: a person's DNI (8 digits + letter), a foreigner's NIE
     * (X, Y or Z + 7 digits + letter), the K/L/M personal numbers, or a company's CIF
     * (letter + 7 digits + control digit or letter).
     */
    private static boolean isValidSpanish(String rest) {
        if (rest.length() != 9) {
            return false;
        }
        char first = rest.charAt(0);
        char last = rest.charAt(8);
        String middle = rest.substring(1, 8);
        if (!CheckDigits.isDigits(middle)) {
            return false;
        }
        if (first >= '0' && first <= '9') {
            return CheckDigits.isDigits(rest.substring(0, 8))
                    && last == personLetter(Long.parseLong(rest.substring(0, 8)));
        }
        int nieIndex = "XYZ".indexOf(first);
        if (nieIndex >= 0) {
            return last == personLetter(Long.parseLong(nieIndex + middle));
        }
        if ("KLM".indexOf(first) >= 0) {
            return last == personLetter(Long.parseLong(middle));
        }
        if ("ABCDEFGHJNPQRSUVW".indexOf(first) >= 0) {
            return isValidSpanishCompanyControl(first, middle, last);
        }
        return false;
    }

    private static char personLetter(long number) {
        return ES_PERSON_LETTERS.charAt((int) (number % 23));
    }

    private static boolean isValidSpanishCompanyControl(char kind, String digits, char last) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                int doubled = d * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += d;
            }
        }
        int control = (10 - sum % 10) % 10;
        char asDigit = (char) ('0' + control);
        char asLetter = ES_COMPANY_LETTERS.charAt(control);
        // Public bodies, foreign entities and non-resident companies carry a letter; public
        // and limited companies a digit; the other kinds are seen with either.
        if ("NPQRSW".indexOf(kind) >= 0) {
            return last == asLetter;
        }
        if ("ABEH".indexOf(kind) >= 0) {
            return last == asDigit;
        }
        return last == asDigit || last == asLetter;
    }

    private static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
