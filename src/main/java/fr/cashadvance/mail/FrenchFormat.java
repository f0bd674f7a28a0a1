package fr.cashadvance.mail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How amounts, rates, dates and times read in French for the business: "1 453,76 €",
 * "0,07 %", "lundi 4 janvier 2027", "14 h 30", always in Europe/Paris time.
 *
 * <p>Separators are plain spaces (not the JDK's narrow no-break space) so that the text is the
 * same in every mail client and easy to search; the HTML keeps amounts on one line with
 * {@code white-space:nowrap}.
 */
public final class FrenchFormat {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE",
            Locale.FRENCH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy",
            Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H 'h' mm",
            Locale.FRENCH);

    private FrenchFormat() {
    }

    /** {@code 1453.76} → "1 453,76 €" (rounded half-up to the cent). */
    public static String euros(BigDecimal amount) {
        return decimal("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
    }

    /** A rate already in percent: {@code 0.07} → "0,07 %", {@code 0.075} → "0,075 %". */
    public static String percent(BigDecimal percent) {
        return decimal("0.00####").format(percent) + " %";
    }

    /** "lundi 4 janvier 2027"; the first of the month reads "1er", as French writes it. */
    public static String date(LocalDate date) {
        return dayAndMonth(date);
    }

    /** "lundi 4 janvier 2027 à 14 h 30", the moment seen from Paris. */
    public static String dateTime(Instant moment) {
        ZonedDateTime paris = moment.atZone(PARIS);
        return dayAndMonth(paris) + " à " + TIME.format(paris);
    }

    private static String dayAndMonth(TemporalAccessor date) {
        int day = LocalDate.from(date).getDayOfMonth();
        String dayOfMonth = day == 1 ? "1er" : Integer.toString(day);
        return WEEKDAY.format(date) + " " + dayOfMonth + " " + MONTH_YEAR.format(date);
    }

    // DecimalFormat is not thread-safe: build one per call, it is cheap next to sending a mail.
    private static DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format;
    }
}
