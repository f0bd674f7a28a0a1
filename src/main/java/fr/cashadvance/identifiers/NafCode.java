package fr.cashadvance.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shape of an APE code from the NAF rev. 2 nomenclature: 4 digits and a letter, written
 * {@code 62.01Z} (the canonical form) or {@code 6201Z}. Whether the code exists is
 * {@link NafNomenclature}'s business.
 */
public final class NafCode {

    private static final Pattern DOTTED = Pattern.compile("\\d{2}\\.\\d{2}[A-Z]");
    private static final Pattern COMPACT = Pattern.compile("\\d{4}[A-Z]");

    private NafCode() {
    }

    /** True when the value, spaces removed and upper-cased, is {@code NN.NNL} or {@code NNNNL}. */
    public static boolean isValid(String value) {
        String code = strip(value);
        return code != null && (DOTTED.matcher(code).matches() || COMPACT.matcher(code).matches());
    }

    /**
     * The canonical {@code NN.NNL} form ({@code 6201z} gives {@code 62.01Z}). A value of
     * another shape comes back only stripped of spaces and upper-cased, so that it can still be
     * shown in an error; null stays null. Never throws.
     */
    public static String normalize(String value) {
        String code = strip(value);
        if (code != null && COMPACT.matcher(code).matches()) {
            return code.substring(0, 2) + "." + code.substring(2);
        }
        return code;
    }

    private static String strip(String value) {
        String stripped = CheckDigits.strip(value, false);
        return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
    }
}
