package fr.cashadvance.lender.sandbox;

import static fr.cashadvance.lender.sandbox.TransferScenario.LATE;
import static fr.cashadvance.lender.sandbox.TransferScenario.NEVER;
import static fr.cashadvance.lender.sandbox.TransferScenario.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SandboxScheduleTest {

    private static final BigDecimal RATE = new BigDecimal("0.0007");

    @Test
    void feesAreAmountTimesRateTimesDaysRoundedHalfUpToTheCent() {
        // 10 000,00 € over 30 days at 0.07 %/day = 210,00 €
        assertThat(SandboxSchedule.fees(1_000_000, RATE,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEqualTo(21_000);
        // 1 234,57 € over 45 days = 3 888,8955 cents → 3 889
        assertThat(SandboxSchedule.fees(123_457, RATE,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 15))).isEqualTo(3_889);
        // 50,00 € over 3 days = 10,5 cents → 11 (half-up)
        assertThat(SandboxSchedule.fees(5_000, RATE,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 4))).isEqualTo(11);
    }

    @Test
    void feesCountAtLeastOneDay() {
        LocalDate day = LocalDate.of(2026, 5, 4);
        assertThat(SandboxSchedule.fees(1_000_000, RATE, day, day)).isEqualTo(700);
    }

    @Test
    void earliestRepaymentDateSkipsTheWeekend() {
        // Thursday 2026-01-29 (Paris) + 2 business days = Monday 2026-02-02
        Instant thursday = Instant.parse("2026-01-29T10:00:00Z");
        assertThat(SandboxSchedule.earliestRepaymentDate(thursday))
                .isEqualTo(LocalDate.of(2026, 2, 2));
        // Late Friday evening in UTC is already Saturday in Paris
        Instant saturdayInParis = Instant.parse("2026-01-30T23:30:00Z");
        assertThat(SandboxSchedule.earliestRepaymentDate(saturdayInParis))
                .isEqualTo(LocalDate.of(2026, 2, 3));
    }

    @Test
    void debitHappensAtEightParisTimeAcrossDaylightSaving() {
        assertThat(SandboxSchedule.debitAt(LocalDate.of(2026, 1, 15), false))
                .isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
        assertThat(SandboxSchedule.debitAt(LocalDate.of(2026, 7, 15), false))
                .isEqualTo(Instant.parse("2026-07-15T06:00:00Z"));
        assertThat(SandboxSchedule.debitAt(LocalDate.of(2026, 7, 15), true))
                .isEqualTo(Instant.parse("2026-07-16T06:00:00Z"));
    }

    @Test
    void transferFollowsTheScenario() {
        Instant validated = Instant.parse("2026-02-02T09:00:00Z");
        Duration fourHours = Duration.ofHours(4);

        assertThat(SandboxSchedule.transferAt(validated, ON_TIME, fourHours, false))
                .isEqualTo(Instant.parse("2026-02-02T13:00:00Z"));
        assertThat(SandboxSchedule.transferAt(validated, ON_TIME, fourHours, true))
                .isEqualTo(Instant.parse("2026-02-03T13:00:00Z"));
        assertThat(SandboxSchedule.transferAt(validated, LATE, fourHours, false))
                .isEqualTo(Instant.parse("2026-02-05T09:00:00Z"));
        assertThat(SandboxSchedule.transferAt(validated, NEVER, fourHours, false))
                .isNull();
    }

    @Test
    void sirenIsFoundInsideSiretAndFrenchVatNumber() {
        assertThat(SandboxScenarios.sirenOf("99999999800019")).isEqualTo("999999998");
        assertThat(SandboxScenarios.sirenOf("FR11999999998")).isEqualTo("999999998");
        assertThat(SandboxScenarios.sirenOf("999999998")).isEqualTo("999999998");
    }

    @Test
    void scenarioIbansAreRecognisedWithSpaces() {
        assertThat(SandboxScenarios.isFailing("FR13 1111 1045 5947 4673 7398 900")).isTrue();
        assertThat(SandboxScenarios.isOneDayLate("fr3711111025593244332331294")).isTrue();
        assertThat(SandboxScenarios.isFailing(SandboxScenarios.SUCCEEDING_IBAN)).isFalse();
    }
}
