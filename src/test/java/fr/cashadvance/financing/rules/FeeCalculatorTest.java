package fr.cashadvance.financing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

    private static final BigDecimal RATE_0_07_PERCENT = new BigDecimal("0.0007");

    @Test
    void feesForThirtyDaysOnTheSampleInvoiceRoundHalfUpToTheCent() {
        // 208.03 × 0.0007 × 30 = 4.368630
        BigDecimal fees = FeeCalculator.fees(new BigDecimal("208.03"), RATE_0_07_PERCENT,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));

        assertThat(fees).isEqualTo(new BigDecimal("4.37"));
        assertThat(fees.scale()).isEqualTo(2);
    }

    @Test
    void anAdvanceRepaidOnItsFundingDayCostsOneDay() {
        LocalDate day = LocalDate.of(2026, 6, 15);

        assertThat(FeeCalculator.days(day, day)).isEqualTo(1);
        assertThat(FeeCalculator.fees(new BigDecimal("1000.00"), new BigDecimal("0.001"),
                day, day)).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void roundsHalfUpNotHalfEven() {
        // 1.00 × 0.0005 × 10 = 0.005 exactly: half-up gives 0.01 where half-even gives 0.00.
        assertThat(FeeCalculator.feesForDays(new BigDecimal("1.00"), new BigDecimal("0.0005"), 10))
                .isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void countsCalendarDaysAcrossDaylightSavingAndMonthEnds() {
        assertThat(FeeCalculator.days(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30)))
                .isEqualTo(2);
        assertThat(FeeCalculator.days(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 4, 6)))
                .isEqualTo(120);
        // 1453.76 × 0.0007 × 45 = 45.793440
        assertThat(FeeCalculator.fees(new BigDecimal("1453.76"), RATE_0_07_PERCENT,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 18)))
                .isEqualTo(new BigDecimal("45.79"));
    }

    @Test
    void handlesTheLargestAdvanceOverTheLongestTerm() {
        assertThat(FeeCalculator.feesForDays(new BigDecimal("200000.00"), new BigDecimal("0.001"),
                120)).isEqualTo(new BigDecimal("24000.00"));
    }

    @Test
    void feesForDaysHasNoMinimum() {
        assertThat(FeeCalculator.feesForDays(new BigDecimal("500.00"), RATE_0_07_PERCENT, 0))
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aRepaymentDatedBeforeTheFundingCountsAsOneDay() {
        assertThat(FeeCalculator.days(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 9)))
                .isEqualTo(1);
        assertThat(FeeCalculator.fees(new BigDecimal("100.00"), RATE_0_07_PERCENT,
                LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 9)))
                .isEqualTo(new BigDecimal("0.07"));
    }

    @Test
    void refusesNegativeInputs() {
        assertThatThrownBy(() -> FeeCalculator.feesForDays(new BigDecimal("-1.00"),
                RATE_0_07_PERCENT, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeCalculator.feesForDays(new BigDecimal("1.00"),
                new BigDecimal("-0.0007"), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
