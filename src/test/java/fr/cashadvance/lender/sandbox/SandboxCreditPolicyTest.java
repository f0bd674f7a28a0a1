package fr.cashadvance.lender.sandbox;

import static fr.cashadvance.lender.sandbox.SandboxEligibilityReason.COMPANY_TOO_YOUNG;
import static fr.cashadvance.lender.sandbox.SandboxEligibilityReason.INFLOWS_TOO_LOW;
import static fr.cashadvance.lender.sandbox.SandboxEligibilityReason.INSUFFICIENT_HISTORY;
import static fr.cashadvance.lender.sandbox.SandboxEligibilityReason.NO_BANK_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.lender.sandbox.SandboxCreditPolicy.Decision;
import fr.cashadvance.lender.sandbox.SandboxCreditPolicy.Movement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCreditPolicyTest {

    private static final LocalDate OLD_COMPANY = LocalDate.of(2015, 6, 1);

    private static Movement on(String date, long cents) {
        return new Movement(LocalDate.parse(date), cents);
    }

    private static Decision decide(LocalDate today, Movement... movements) {
        return SandboxCreditPolicy.decide(OLD_COMPANY, 1, List.of(movements), today);
    }

    @Test
    void thirtyPercentOfTheAverageMonthlyInflowRoundedDownToAHundredEuros() {
        // Window for 2026-03-10: September 2025 to February 2026.
        Decision decision = decide(LocalDate.of(2026, 3, 10),
                on("2025-09-05", 1_000_000), on("2025-09-20", -700_000),
                on("2025-10-05", 1_234_567),
                on("2025-11-05", 987_654),
                on("2025-12-05", 1_111_111), on("2025-12-06", -2_000_000),
                on("2026-01-05", 1_050_000),
                on("2026-02-05", 1_300_000));

        // Inflows 66 833,32 € over 6 months: average 11 138,89 €, 30 % = 3 341,67 € → 3 300 €.
        assertThat(decision.limitCents()).isEqualTo(330_000);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.activeMonths()).isEqualTo(6);
        assertThat(decision.monthlyInflows()).containsEntry(YearMonth.of(2025, 12), 1_111_111L)
                .containsEntry(YearMonth.of(2025, 9), 1_000_000L);
    }

    @Test
    void theWindowIsTheSixFullMonthsBeforeTodayWhateverTheDayOfTheMonth() {
        Movement[] movements = {
            on("2025-08-31", 90_000_000), // before the window
            on("2025-09-01", 1_000_000),  // first day of the window
            on("2025-12-15", 1_000_000),
            on("2026-02-28", 1_000_000),  // last day of the window
            on("2026-03-01", 90_000_000), // current month: not full yet
        };

        Decision onTheFirst = decide(LocalDate.of(2026, 3, 1), movements);
        Decision onTheLast = decide(LocalDate.of(2026, 3, 31), movements);

        // 3 months of 10 000 € → 3 000 €.
        assertThat(onTheFirst.limitCents()).isEqualTo(300_000);
        assertThat(onTheFirst.monthlyInflows().keySet()).containsExactly(
                YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11),
                YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(onTheLast).isEqualTo(onTheFirst);
        // On 1 April September leaves the window and March enters: December, February and
        // March give 920 000 € over 3 months, 30 % of the average = 92 000 €.
        Decision nextMonth = decide(LocalDate.of(2026, 4, 1), movements);
        assertThat(nextMonth.limitCents()).isEqualTo(9_200_000);
        // On 1 July (window January to June) only February and March are left.
        Decision july = decide(LocalDate.of(2026, 7, 1), movements);
        assertThat(july.limitCents()).isZero();
        assertThat(july.reasons()).containsExactly(INSUFFICIENT_HISTORY);
    }

    @Test
    void leapDayBelongsToFebruary() {
        Decision decision = decide(LocalDate.of(2024, 3, 1),
                on("2024-02-29", 2_000_000), on("2024-01-31", 2_000_000),
                on("2023-12-01", 2_000_000));

        assertThat(decision.monthlyInflows()).containsEntry(YearMonth.of(2024, 2), 2_000_000L);
        assertThat(decision.limitCents()).isEqualTo(600_000);
    }

    @Test
    void aMonthWithOnlyOutflowsCountsAsHistoryWithNoInflow() {
        Decision decision = decide(LocalDate.of(2026, 3, 10),
                on("2025-12-05", 1_000_000), on("2026-01-05", 1_000_000),
                on("2026-02-05", -300_000));

        // 20 000 € over 3 months: 6 666,67 € a month, 30 % = 2 000 €.
        assertThat(decision.activeMonths()).isEqualTo(3);
        assertThat(decision.limitCents()).isEqualTo(200_000);
    }

    @Test
    void twoMonthsOfHistoryGiveNothing() {
        Decision decision = decide(LocalDate.of(2026, 3, 10),
                on("2026-01-05", 5_000_000), on("2026-02-05", 5_000_000));

        assertThat(decision.limitCents()).isZero();
        assertThat(decision.reasons()).containsExactly(INSUFFICIENT_HISTORY);
    }

    @Test
    void companyYoungerThanSixMonthsGetsNothing() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        List<Movement> sixMonths = List.of(on("2025-09-10", 1_000_000),
                on("2025-10-10", 1_000_000), on("2025-11-10", 1_000_000),
                on("2025-12-10", 1_000_000), on("2026-01-10", 1_000_000),
                on("2026-02-10", 1_000_000));

        Decision sixMonthsToTheDay = SandboxCreditPolicy.decide(LocalDate.of(2025, 9, 1), 1,
                sixMonths, today);
        Decision oneDayShort = SandboxCreditPolicy.decide(LocalDate.of(2025, 9, 2), 1,
                sixMonths, today);
        // 31 August + 6 months is 28 February: six months old on the last day of February.
        Decision endOfMonth = SandboxCreditPolicy.decide(LocalDate.of(2025, 8, 31), 1,
                sixMonths, LocalDate.of(2026, 2, 28));

        assertThat(sixMonthsToTheDay.limitCents()).isEqualTo(300_000);
        assertThat(oneDayShort.limitCents()).isZero();
        assertThat(oneDayShort.reasons()).containsExactly(COMPANY_TOO_YOUNG);
        assertThat(endOfMonth.reasons()).doesNotContain(COMPANY_TOO_YOUNG);
    }

    @Test
    void withoutACreationDateTheAgeIsNotChecked() {
        Decision decision = SandboxCreditPolicy.decide(null, 1, List.of(
                on("2025-12-05", 1_000_000), on("2026-01-05", 1_000_000),
                on("2026-02-05", 1_000_000)), LocalDate.of(2026, 3, 10));

        assertThat(decision.limitCents()).isEqualTo(300_000);
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void everyReasonThatAppliesIsGiven() {
        Decision decision = SandboxCreditPolicy.decide(LocalDate.of(2026, 2, 1), 2,
                List.of(on("2026-02-05", 1_000_000)), LocalDate.of(2026, 3, 10));

        assertThat(decision.limitCents()).isZero();
        assertThat(decision.reasons()).containsExactly(INSUFFICIENT_HISTORY, COMPANY_TOO_YOUNG);
    }

    @Test
    void noBankAccountGivesNothing() {
        Decision decision = SandboxCreditPolicy.decide(OLD_COMPANY, 0, List.of(),
                LocalDate.of(2026, 3, 10));

        assertThat(decision.limitCents()).isZero();
        assertThat(decision.reasons()).containsExactly(NO_BANK_ACCOUNT);
    }

    @Test
    void limitIsCappedAtTwoHundredThousandEuros() {
        // 1 000 000 € a month: 30 % = 300 000 €, capped at 200 000 €.
        Decision decision = decide(LocalDate.of(2026, 3, 10),
                on("2025-12-05", 100_000_000), on("2026-01-05", 100_000_000),
                on("2026-02-05", 100_000_000));

        assertThat(decision.limitCents()).isEqualTo(20_000_000);
    }

    @Test
    void exactlyAHundredEurosStaysAndJustBelowIsZero() {
        // 333,34 € a month × 30 % = 100,002 € → 100 €; 333,33 € → 99,999 € → 0.
        Decision enough = decide(LocalDate.of(2026, 3, 10),
                on("2025-12-05", 33_334), on("2026-01-05", 33_334), on("2026-02-05", 33_334));
        Decision tooLow = decide(LocalDate.of(2026, 3, 10),
                on("2025-12-05", 33_333), on("2026-01-05", 33_333), on("2026-02-05", 33_333));

        assertThat(enough.limitCents()).isEqualTo(10_000);
        assertThat(enough.reasons()).isEmpty();
        assertThat(tooLow.limitCents()).isZero();
        assertThat(tooLow.reasons()).containsExactly(INFLOWS_TOO_LOW);
    }
}
