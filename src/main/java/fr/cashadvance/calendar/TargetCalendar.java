package fr.cashadvance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * Business days of TARGET, the euro settlement system SEPA debits and transfers settle in:
 * every weekday except 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 * National bank holidays (14 July, 15 August in France...) are business days for TARGET.
 */
public final class TargetCalendar {

    // LIMITATION: the closing days are those in force since 2002; 1999-2001 also closed on
    // 31 December and did not close on every one of these days, which is not modelled.

    private TargetCalendar() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return !isHoliday(date);
    }

    /** True on one of the six TARGET holidays, whatever day of the week it falls on. */
    public static boolean isHoliday(LocalDate date) {
        Month month = date.getMonth();
        int day = date.getDayOfMonth();
        if ((month == Month.JANUARY && day == 1)
                || (month == Month.MAY && day == 1)
                || (month == Month.DECEMBER && (day == 25 || day == 26))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter.minusDays(2)) || date.equals(easter.plusDays(1));
    }

    /**
     * Easter Sunday of a Gregorian year, by the anonymous algorithm (Meeus/Jones/Butcher), which
     * needs no table and holds for every year of the Gregorian calendar.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    public static LocalDate nextBusinessDayOnOrAfter(LocalDate date) {
        LocalDate candidate = Objects.requireNonNull(date, "date");
        while (!isBusinessDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    public static LocalDate previousBusinessDayOnOrBefore(LocalDate date) {
        LocalDate candidate = Objects.requireNonNull(date, "date");
        while (!isBusinessDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /**
     * The n-th business day after {@code date} (before it when n is negative); {@code date}
     * itself is never counted, so from a Friday, +1 is the next Monday (if open). With n = 0
     * the date comes back unchanged, business day or not.
     */
    public static LocalDate plusBusinessDays(LocalDate date, int businessDays) {
        LocalDate current = Objects.requireNonNull(date, "date");
        int step = businessDays >= 0 ? 1 : -1;
        int remaining = Math.abs(businessDays);
        while (remaining > 0) {
            current = current.plusDays(step);
            if (isBusinessDay(current)) {
                remaining--;
            }
        }
        return current;
    }

    /**
     * Business days in the interval ({@code from}, {@code to}]: after {@code from}, up to and
     * including {@code to}. So {@code plusBusinessDays(d, n)} is n business days after d.
     * Negative when {@code to} is before {@code from}, as with ChronoUnit.between.
     */
    public static long businessDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                count++;
            }
        }
        return count;
    }
}
