package fr.cashadvance.lender;

import fr.cashadvance.identifiers.Iban;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps IBANs out of free text such as an error body a server echoes back: each IBAN-looking
 * token becomes {@link Iban#mask} of it.
 */
public final class IbanMasking {

    // Country code, 2 check digits, then 11 to 30 alphanumerics, optionally grouped by spaces.
    private static final Pattern IBAN_LIKE =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]){11,30}\\b");

    private IbanMasking() {
    }

    public static String maskAllIn(String text) {
        return maskAllIn(text, IBAN_LIKE);
    }

    /** Each match of this IBAN-like pattern in the text, masked as {@link Iban#mask} does. */
    public static String maskAllIn(String text, Pattern ibanLike) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = ibanLike.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(Iban.mask(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
