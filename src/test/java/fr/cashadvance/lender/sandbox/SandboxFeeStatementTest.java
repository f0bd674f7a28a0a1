package fr.cashadvance.lender.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.lender.sandbox.SandboxFeeStatement.Accrual;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** 208.03 € (20 803 cents) at 0.07 % a day: 14.5621 cents a night. */
class SandboxFeeStatementTest {

    private static final BigDecimal RATE = new BigDecimal("0.0007");

    @Test
    void monthsOfARepaidLoanAddUpToItsFeeWithTheLastTakingTheRounding() {
        Accrual loan = new Accrual(20_803, RATE, LocalDate.of(2025, 1, 17),
                LocalDate.of(2025, 2, 16));

        assertThat(loan.lineFor(YearMonth.of(2024, 12))).isZero();
        assertThat(loan.lineFor(YearMonth.of(2025, 1))).isEqualTo(218);
        assertThat(loan.lineFor(YearMonth.of(2025, 2))).isEqualTo(219);
        assertThat(loan.lineFor(YearMonth.of(2025, 3))).isZero();
        assertThat(loan.appearsIn(YearMonth.of(2025, 2))).isTrue();
        assertThat(loan.appearsIn(YearMonth.of(2025, 3))).isFalse();
    }

    @Test
    void sameDayRepaymentBillsOneDayAndRunningLoanItsNights() {
        Accrual sameDay = new Accrual(20_803, RATE, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 10));
        Accrual running = new Accrual(20_803, RATE, LocalDate.of(2025, 4, 30), null);

        assertThat(sameDay.lineFor(YearMonth.of(2025, 3))).isEqualTo(15);
        assertThat(running.lineFor(YearMonth.of(2025, 4))).isEqualTo(15);
        assertThat(running.lineFor(YearMonth.of(2025, 5))).isEqualTo(451);
        assertThat(running.appearsIn(YearMonth.of(2025, 12))).isTrue();
    }

    @Test
    void onlyEndedMonthsAreBillable() {
        assertThat(SandboxFeeStatement.isBillable(YearMonth.of(2026, 11),
                LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(SandboxFeeStatement.isBillable(YearMonth.of(2026, 11),
                LocalDate.of(2026, 12, 1))).isTrue();
    }
}
