package fr.cashadvance.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Conversions between euro amounts ({@code BigDecimal}, scale 2) and cents ({@code long}, as
 * the lender's API counts), and the French display of an amount.
 */
public final class Money {

    /**
     * U+202F NARROW NO-BREAK SPACE, used both between thousands and before the euro sign, as
     * French typography and the JDK's own French locale data do: it never breaks a line.
     */
    public static final char NARROW_NBSP = '\u202F';

    private Money() {
    }

    /**
     * The exact number of cents, e.g. 1453.76 → 145376. Trailing zeros beyond the cents are
     * fine (1.230 → 123).
     *
     * @throws IllegalArgumentException when the amount has a fraction of a cent or does not fit
     *     a long
     */
    public static long toCents(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return amount.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount " + amount.toPlainString() + " is not a whole number of cents", e);
        }
    }

    /** Cents to euros with scale 2, e.g. 145376 → 1453.76. */
    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * French display, e.g. 1453.76 → "1 453,76 €" with {@link #NARROW_NBSP} as both spaces;
     * negative amounts start with "-". An amount with more than 2 decimals is rounded half-up
     * for display only.
     */
    public static String formatFr(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String units = plain.substring(0, dot);
        String cents = plain.substring(dot + 1);

        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(NARROW_NBSP);
            }
            grouped.append(units.charAt(i));
        }

        String sign = rounded.signum() < 0 ? "-" : "";
        return sign + grouped + "," + cents + NARROW_NBSP + "€";
    }
}
