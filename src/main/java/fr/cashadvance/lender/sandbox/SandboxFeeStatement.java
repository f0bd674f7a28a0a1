package fr.cashadvance.lender.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox lender's monthly fee statement arithmetic, in cents. Each month bills the fees
 * accrued before the next month's first day less those accrued before its own: the lines of a
 * loan then add up to its total fee, the month of the repayment taking the rounding and the
 * one-day minimum.
 *
 * <p>Written apart from the platform's {@code FeeAccrual} on purpose: the sandbox stands for
 * the lender, an external system, and the platform must check its bill against its own sums.
 */
final class SandboxFeeStatement {

    private SandboxFeeStatement() {
    }

    /**
     * A loan as the statement sees it, with Paris dates; {@code repaidOn} is {@code null} while
     * it runs. A repayment dated before the funding counts as made on the funding day.
     */
    record Accrual(long amountCents, BigDecimal dailyRate, LocalDate fundedOn,
                   LocalDate repaidOn) {

        Accrual {
            if (repaidOn != null && repaidOn.isBefore(fundedOn)) {
                repaidOn = fundedOn;
            }
        }

        /** Fees for the nights before {@code end}; the whole fee once repaid before it. */
        long accruedBefore(LocalDate end) {
            if (repaidOn != null && end.isAfter(repaidOn)) {
                return SandboxSchedule.fees(amountCents, dailyRate, fundedOn, repaidOn);
            }
            LocalDate stop = repaidOn != null && repaidOn.isBefore(end) ? repaidOn : end;
            long nights = Math.max(0, ChronoUnit.DAYS.between(fundedOn, stop));
            return BigDecimal.valueOf(amountCents)
                    .multiply(dailyRate)
                    .multiply(BigDecimal.valueOf(nights))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        }

        long lineFor(YearMonth month) {
            return accruedBefore(month.plusMonths(1).atDay(1)) - accruedBefore(month.atDay(1));
        }

        /** Funded by the month's end and not repaid before its first day. */
        boolean appearsIn(YearMonth month) {
            return !fundedOn.isAfter(month.atEndOfMonth())
                    && (repaidOn == null || !repaidOn.isBefore(month.atDay(1)));
        }
    }

    /** Only a month that has ended in sandbox time can be billed. */
    static boolean isBillable(YearMonth month, LocalDate today) {
        return !today.isBefore(month.plusMonths(1).atDay(1));
    }
}
