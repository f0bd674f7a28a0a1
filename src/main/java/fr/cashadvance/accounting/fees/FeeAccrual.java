package fr.cashadvance.accounting.fees;

import fr.cashadvance.financing.rules.FeeCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How a loan's fee is spread over the lender's monthly fee statements (DOMAIN §7): each month
 * bills the nights of that month, and the month the loan is repaid also bills whatever rounding
 * and the one-day minimum left over, so that a loan's lines add up to its total fee exactly.
 *
 * <p>Every line is a difference of two cumulative amounts ({@link #accruedBefore}); summed over
 * consecutive months the differences telescope to the last cumulative amount, which is the
 * total fee once the loan is repaid. Rounding each month's nights separately would drift.
 */
public final class FeeAccrual {

    private FeeAccrual() {
    }

    /**
     * One advance as the fee statement sees it.
     *
     * @param dailyRate a fraction: 0.0007 is 0.07 % a day
     * @param fundedOn  Paris date the money reached the business
     * @param repaidOn  Paris date of the repayment debit, {@code null} while the loan runs
     */
    public record LoanPeriod(String loanRef, BigDecimal amount, BigDecimal dailyRate,
                             LocalDate fundedOn, LocalDate repaidOn) {

        public LoanPeriod {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(dailyRate, "dailyRate");
            Objects.requireNonNull(fundedOn, "fundedOn");
            if (amount.signum() < 0 || dailyRate.signum() < 0) {
                throw new IllegalArgumentException("Negative amount or rate for loan " + loanRef
                        + ": " + amount + ", " + dailyRate);
            }
        }

        /** The loan's total fee, with the one-day minimum; only known once it is repaid. */
        public BigDecimal totalFee() {
            if (repaidOn == null) {
                throw new IllegalStateException("Loan " + loanRef + " is not repaid yet");
            }
            return FeeCalculator.fees(amount, dailyRate, fundedOn, repaidOn);
        }

        /**
         * The repayment date used for accrual: a repayment dated before the funding (two
         * systems reading one moment in different zones) counts as made on the funding day,
         * which is also what {@link FeeCalculator#days} charges for it (one day).
         */
        private LocalDate effectiveRepaidOn() {
            if (repaidOn == null) {
                return null;
            }
            return repaidOn.isBefore(fundedOn) ? fundedOn : repaidOn;
        }
    }

    /**
     * Fees accrued before {@code end}: the nights from the funding date (included) to
     * {@code end} or the repayment date, whichever comes first (excluded), rounded half-up to
     * the cent; once {@code end} is past the repayment date, the loan's total fee (so the
     * one-day minimum of a loan repaid the day it was funded is billed in that day's month).
     */
    public static BigDecimal accruedBefore(LoanPeriod period, LocalDate end) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(end, "end");
        LocalDate repaidOn = period.effectiveRepaidOn();
        if (repaidOn != null && end.isAfter(repaidOn)) {
            return period.totalFee();
        }
        LocalDate stop = repaidOn != null && repaidOn.isBefore(end) ? repaidOn : end;
        long nights = Math.max(0, ChronoUnit.DAYS.between(period.fundedOn(), stop));
        return FeeCalculator.feesForDays(period.amount(), period.dailyRate(), nights);
    }

    /**
     * The loan's line on the statement of {@code month} (billed on the 1st of the month after):
     * fees accrued before the next month's first day less those accrued before this month's.
     * Never negative, and zero for a month the loan does not touch.
     */
    public static BigDecimal lineFor(LoanPeriod period, YearMonth month) {
        Objects.requireNonNull(month, "month");
        return accruedBefore(period, month.plusMonths(1).atDay(1))
                .subtract(accruedBefore(period, month.atDay(1)));
    }

    /**
     * Whether the loan has a line on the statement of {@code month}: it was funded by the end
     * of the month and not repaid before its first day. A loan contracted in the month always
     * appears, even when its line there is 0.00.
     */
    public static boolean appearsIn(LoanPeriod period, YearMonth month) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(month, "month");
        LocalDate repaidOn = period.effectiveRepaidOn();
        return !period.fundedOn().isAfter(month.atEndOfMonth())
                && (repaidOn == null || !repaidOn.isBefore(month.atDay(1)));
    }
}
