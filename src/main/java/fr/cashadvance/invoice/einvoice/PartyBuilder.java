package fr.cashadvance.invoice.einvoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts a party's identifiers into SIREN, SIRET, VAT number and the rest.
 *
 * <p>Feed legal identifiers before other identifiers: the first SIREN or SIRET seen wins, so the
 * call order is the priority. Schemes 0002 (SIREN) and 0009 (SIRET) are read by length rather
 * than trusted, because real files put a 14-digit SIRET under 0002. No checksum is checked.
 */
final class PartyBuilder {

    static final String SCHEME_SIREN = "0002";
    static final String SCHEME_SIRET = "0009";

    private static final Pattern FRENCH_VAT = Pattern.compile("FR[0-9A-Z]{2}(\\d{9})");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern VAT_SEPARATORS = Pattern.compile("[\\s.\\-]+");

    private final String name;
    private final String countryCode;
    private String siren;
    private String siret;
    private String vatNumber;
    private final List<String> otherIds = new ArrayList<>();

    PartyBuilder(String name, String countryCode) {
        this.name = name;
        this.countryCode = countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT);
    }

    /** A registration identifier (BT-30 / BT-47) or party identifier (BT-29 / BT-46). */
    PartyBuilder identifier(String scheme, String value) {
        if (value == null) {
            return this;
        }
        if (SCHEME_SIREN.equals(scheme) || SCHEME_SIRET.equals(scheme)) {
            String digits = WHITESPACE.matcher(value).replaceAll("");
            if (NINE_DIGITS.matcher(digits).matches() && takeSiren(digits)) {
                return this;
            }
            if (FOURTEEN_DIGITS.matcher(digits).matches() && takeSiret(digits)) {
                return this;
            }
        }
        return other(scheme, value);
    }

    /** A tax registration: {@code VA}/{@code VAT} is the VAT number, others go to otherIds. */
    PartyBuilder taxRegistration(String scheme, String value) {
        if (value == null) {
            return this;
        }
        boolean vatScheme = "VA".equalsIgnoreCase(scheme) || "VAT".equalsIgnoreCase(scheme);
        if (vatScheme && vatNumber == null) {
            // "FR 05 987 654 321" and "NL8200.98.395.B.01" are written for people; the
            // compact form is what registries and comparisons use.
            vatNumber = VAT_SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
            return this;
        }
        return other(scheme, value);
    }

    /** Any identifier that never names a SIREN: electronic addresses, routing codes... */
    PartyBuilder other(String scheme, String value) {
        if (value == null) {
            return this;
        }
        String entry = scheme == null || scheme.isBlank() ? value : scheme + ":" + value;
        if (!otherIds.contains(entry)) {
            otherIds.add(entry);
        }
        return this;
    }

    Party build() {
        String derivedSiren = siren;
        if (derivedSiren == null && siret != null) {
            derivedSiren = siret.substring(0, 9);
        }
        if (derivedSiren == null && vatNumber != null) {
            Matcher vat = FRENCH_VAT.matcher(vatNumber);
            if (vat.matches()) {
                derivedSiren = vat.group(1);
            }
        }
        // LIMITATION: when the legal id, the SIRET and the VAT number name different SIRENs,
        // the first one wins silently; spotting the mismatch is left to the identifier checks.
        return new Party(name, derivedSiren, siret, vatNumber, countryCode, otherIds);
    }

    private boolean takeSiren(String digits) {
        if (siren == null) {
            siren = digits;
            return true;
        }
        return siren.equals(digits);
    }

    private boolean takeSiret(String digits) {
        if (siret == null) {
            siret = digits;
            return true;
        }
        return siret.equals(digits);
    }
}
