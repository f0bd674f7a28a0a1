package fr.cashadvance.financing.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The lender's fees on an advance: amount × daily rate × days between funding and repayment,
 * at least one day, rounded half-up to the cent. Interest carries no VAT, so there is none to
 * add. The daily rate is a fraction: 0.0007 means 0.07 % a day.
 */
public final class FeeCalculator {

    private FeeCalculator() {
    }

    /**
     * Fees for an advance funded on one date and repaid on another, e.g. 208.03 at 0.0007 a
     * day for 30 days gives 4.37 (4.368630 rounded).
     *
     * @throws IllegalArgumentException when the amount or rate is negative
     */
    public static BigDecimal fees(BigDecimal amount, BigDecimal dailyRate,
                                  LocalDate fundedOn, LocalDate repaidOn) {
        return feesForDays(amount, dailyRate, days(fundedOn, repaidOn));
    }

    /**
     * Calendar days from funding to repayment, at least 1: an advance repaid the day it was
     * funded still costs one day. A repayment dated before the funding (two systems reading
     * the same moment in different zones) also counts as one day rather than failing a
     * repayment that did happen.
     */
    public static long days(LocalDate fundedOn, LocalDate repaidOn) {
        Objects.requireNonNull(fundedOn, "fundedOn");
        Objects.requireNonNull(repaidOn, "repaidOn");
        return Math.max(1, ChronoUnit.DAYS.between(fundedOn, repaidOn));
    }

    /**
     * Fees for a given number of days, without the one-day minimum (that minimum belongs to a
     * whole loan, not to a part of it, such as the days of one month on a fee statement).
     *
     * @throws IllegalArgumentException when the amount, rate or days are negative
     */
    public static BigDecimal feesForDays(BigDecimal amount, BigDecimal dailyRate, long days) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dailyRate, "dailyRate");
        if (amount.signum() < 0 || dailyRate.signum() < 0 || days < 0) {
            throw new IllegalArgumentException("Negative amount, rate or days: "
                    + amount + ", " + dailyRate + ", " + days);
        }
        // Multiply exactly, round once at the end: rounding the daily fee first would drift.
        return amount.multiply(dailyRate)
                .multiply(BigDecimal.valueOf(days))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
