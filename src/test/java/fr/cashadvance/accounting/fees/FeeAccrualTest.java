package fr.cashadvance.accounting.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.accounting.fees.FeeAccrual.LoanPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** 208.03 at 0.07 % a day costs 0.145621 a night: every figure below derives from it. */
class FeeAccrualTest {

    private static final BigDecimal AMOUNT = new BigDecimal("208.03");
    private static final BigDecimal RATE = new BigDecimal("0.0007");

    private static LoanPeriod loan(LocalDate fundedOn, LocalDate repaidOn) {
        return new LoanPeriod("INV-2025-001", AMOUNT, RATE, fundedOn, repaidOn);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void thirtyDaysAcrossTwoMonthsAddUpToTheTotalRatherThanToTwoRoundedHalves() {
        LoanPeriod period = loan(LocalDate.of(2025, 1, 17), LocalDate.of(2025, 2, 16));

        BigDecimal january = FeeAccrual.lineFor(period, YearMonth.of(2025, 1));
        BigDecimal february = FeeAccrual.lineFor(period, YearMonth.of(2025, 2));

        // 15 nights each: 2.184315 rounds to 2.18 twice, which would bill 4.36 instead of 4.37.
        assertThat(january).isEqualTo(money("2.18"));
        assertThat(february).isEqualTo(money("2.19"));
        assertThat(january.add(february)).isEqualTo(period.totalFee()).isEqualTo(money("4.37"));
    }

    @Test
    void loanSpanningThreeMonthsHasOneLinePerMonthAndNoneAfter() {
        LoanPeriod period = loan(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 5, 5));

        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 2))).isEqualTo(money("0.00"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 3))).isEqualTo(money("1.75"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 4))).isEqualTo(money("4.37"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 5))).isEqualTo(money("0.58"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 6))).isEqualTo(money("0.00"));
        assertThat(period.totalFee()).isEqualTo(money("6.70"));
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 2))).isFalse();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 3))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 4))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 5))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 6))).isFalse();
    }

    @Test
    void accruedBeforeCountsNightsUntilTheRepaymentThenGivesTheTotal() {
        LoanPeriod period = loan(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 5, 5));

        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2025, 3, 1)))
                .isEqualTo(money("0.00"));
        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2025, 3, 20)))
                .isEqualTo(money("0.00"));
        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2025, 4, 1)))
                .isEqualTo(money("1.75"));
        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2025, 5, 1)))
                .isEqualTo(money("6.12"));
        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2025, 5, 5)))
                .isEqualTo(money("6.70"));
        assertThat(FeeAccrual.accruedBefore(period, LocalDate.of(2026, 1, 1)))
                .isEqualTo(money("6.70"));
    }

    @Test
    void repaidTheDayItWasFundedBillsTheOneDayMinimumInThatMonth() {
        LoanPeriod period = loan(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10));

        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 3))).isEqualTo(money("0.15"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 4))).isEqualTo(money("0.00"));
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 3))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 4))).isFalse();
    }

    @Test
    void repaidTheFirstOfTheNextMonthStillAppearsThereWithAZeroLine() {
        LoanPeriod period = loan(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1));

        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 1))).isEqualTo(money("0.15"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 2))).isEqualTo(money("0.00"));
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 1))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 2))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 3))).isFalse();
    }

    @Test
    void runningLoanFundedOnTheLastDayAccruesOneNightInThatMonth() {
        LoanPeriod period = loan(LocalDate.of(2025, 4, 30), null);

        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 4))).isEqualTo(money("0.15"));
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 4))).isTrue();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 3))).isFalse();
        // Still running: every later month appears, each billing its own nights.
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 9))).isTrue();
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 5))).isEqualTo(money("4.51"));
    }

    @Test
    void leapFebruaryBillsItsTwentyNinthNight() {
        LoanPeriod leap = loan(LocalDate.of(2024, 2, 10), null);
        LoanPeriod common = loan(LocalDate.of(2025, 2, 10), null);

        // 20 nights (2.912420) against 19 (2.766799).
        assertThat(FeeAccrual.lineFor(leap, YearMonth.of(2024, 2))).isEqualTo(money("2.91"));
        assertThat(FeeAccrual.lineFor(common, YearMonth.of(2025, 2))).isEqualTo(money("2.77"));
    }

    @Test
    void repaymentDatedBeforeTheFundingCountsAsOneDayInTheFundingMonth() {
        LoanPeriod period = loan(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31));

        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 1))).isEqualTo(money("0.00"));
        assertThat(FeeAccrual.lineFor(period, YearMonth.of(2025, 2))).isEqualTo(money("0.15"));
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 1))).isFalse();
        assertThat(FeeAccrual.appearsIn(period, YearMonth.of(2025, 2))).isTrue();
    }

    @Test
    void runningLoanHasNoTotalFeeYet() {
        LoanPeriod period = loan(LocalDate.of(2025, 4, 30), null);

        assertThatThrownBy(period::totalFee).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LoanPeriod("X", money("-1.00"), RATE,
                LocalDate.of(2025, 1, 1), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
