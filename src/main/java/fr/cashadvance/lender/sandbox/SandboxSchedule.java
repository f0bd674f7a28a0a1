package fr.cashadvance.lender.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Calendar and fee arithmetic of the sandbox lender, free of any state. */
final class SandboxSchedule {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The debit is taken at this local time on the repayment date. */
    static final LocalTime DEBIT_TIME = LocalTime.of(8, 0);
    static final Duration LATE_TRANSFER_DELAY = Duration.ofHours(72);
    static final Duration ONE_DAY = Duration.ofDays(1);
    static final int MIN_BUSINESS_DAYS_BEFORE_REPAYMENT = 2;

    private SandboxSchedule() {
    }

    static LocalDate today(Instant sandboxNow) {
        return LocalDate.ofInstant(sandboxNow, PARIS);
    }

    /** TARGET business days, as SEPA debits settle (the product's own calendar). */
    static LocalDate plusBusinessDays(LocalDate from, int days) {
        return fr.cashadvance.calendar.TargetCalendar.plusBusinessDays(from, days);
    }

    static LocalDate earliestRepaymentDate(Instant sandboxNow) {
        return plusBusinessDays(today(sandboxNow), MIN_BUSINESS_DAYS_BEFORE_REPAYMENT);
    }

    /** When a loan validated at {@code validatedAt} is wired, or {@code null} for never. */
    static Instant transferAt(Instant validatedAt, TransferScenario scenario, Duration delay,
                              boolean oneDayLate) {
        Instant at = switch (scenario) {
            case ON_TIME -> validatedAt.plus(delay);
            case LATE -> validatedAt.plus(LATE_TRANSFER_DELAY);
            case NEVER -> null;
        };
        return at == null || !oneDayLate ? at : at.plus(ONE_DAY);
    }

    static Instant debitAt(LocalDate toRepayAt, boolean oneDayLate) {
        LocalDate day = oneDayLate ? toRepayAt.plusDays(1) : toRepayAt;
        return day.atTime(DEBIT_TIME).atZone(PARIS).toInstant();
    }

    /** amount × daily rate × days, at least one day, rounded half-up to the cent. */
    static long fees(long amountCents, BigDecimal dailyRate, LocalDate from, LocalDate to) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        return BigDecimal.valueOf(amountCents)
                .multiply(dailyRate)
                .multiply(BigDecimal.valueOf(days))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Planned fees: from the wire (or its expected date) to the repayment date. */
    static long feesEstimated(SandboxLoan loan, Instant sandboxNow) {
        LocalDate today = today(sandboxNow);
        LocalDate start;
        if (loan.getPaidAt() != null) {
            start = today(loan.getPaidAt());
        } else if (loan.getToPayAt() != null && loan.getToPayAt().isAfter(today)) {
            start = loan.getToPayAt();
        } else {
            start = today;
        }
        return fees(loan.getAmount(), loan.getFeesDailyRate(), start, loan.getToRepayAt());
    }

    /** Fees accrued so far: from the wire to the repayment, or to today while unpaid. */
    static long feesOngoing(SandboxLoan loan, Instant sandboxNow) {
        if (loan.getPaidAt() == null) {
            return 0;
        }
        LocalDate end = loan.getRepaidAt() != null ? today(loan.getRepaidAt()) : today(sandboxNow);
        return fees(loan.getAmount(), loan.getFeesDailyRate(), today(loan.getPaidAt()), end);
    }
}
