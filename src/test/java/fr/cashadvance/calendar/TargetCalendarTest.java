package fr.cashadvance.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetCalendarTest {

    @ParameterizedTest
    @CsvSource({
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2038, 2038-04-25",
        "2000, 2000-04-23",
        "2285, 2285-03-22",   // earliest possible date
        "1943, 1943-04-25"})  // latest possible date
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(TargetCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25",
        "2025-12-26", "2027-03-26", "2027-03-29", "2024-03-29", "2024-04-01"})
    void closesOnTargetHolidays(LocalDate holiday) {
        assertThat(TargetCalendar.isHoliday(holiday)).isTrue();
        assertThat(TargetCalendar.isBusinessDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-14", "2025-08-15", "2026-05-08", "2026-11-11",
        "2026-05-14", "2026-05-25", "2026-12-24", "2026-12-31"})
    void staysOpenOnFrenchBankHolidaysThatAreNotTargetHolidays(LocalDate date) {
        // Bastille Day, Assumption, VE Day, Armistice, Ascension, Whit Monday, the eves.
        assertThat(TargetCalendar.isBusinessDay(date)).isTrue();
    }

    @Test
    void closesOnWeekends() {
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 12, 5))).isFalse();
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 12, 7))).isTrue();
    }

    @Test
    void skipsGoodFridayToEasterMondayAsOneClosedBlock() {
        LocalDate maundyThursday = LocalDate.of(2026, 4, 2);

        assertThat(TargetCalendar.plusBusinessDays(maundyThursday, 1))
                .isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(TargetCalendar.nextBusinessDayOnOrAfter(LocalDate.of(2026, 4, 3)))
                .isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(TargetCalendar.businessDaysBetween(maundyThursday, LocalDate.of(2026, 4, 7)))
                .isEqualTo(1);
        assertThat(TargetCalendar.plusBusinessDays(LocalDate.of(2026, 4, 7), -1))
                .isEqualTo(maundyThursday);
    }

    @Test
    void skipsChristmasAndNewYear() {
        // 2025: Christmas on Thursday, 26 December on Friday, New Year on Thursday.
        LocalDate christmasEve = LocalDate.of(2025, 12, 24);

        assertThat(TargetCalendar.plusBusinessDays(christmasEve, 1))
                .isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(TargetCalendar.plusBusinessDays(christmasEve, 4))
                .isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(TargetCalendar.businessDaysBetween(christmasEve, LocalDate.of(2026, 1, 2)))
                .isEqualTo(4);
        // 2026: Christmas on Friday, 26 December on Saturday anyway.
        assertThat(TargetCalendar.plusBusinessDays(LocalDate.of(2026, 12, 24), 1))
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void countsDaysNormallyAcrossDaylightSavingChanges() {
        // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
        assertThat(TargetCalendar.plusBusinessDays(LocalDate.of(2026, 3, 27), 3))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(TargetCalendar.businessDaysBetween(
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 3))).isEqualTo(4);
        assertThat(TargetCalendar.plusBusinessDays(LocalDate.of(2026, 10, 23), 1))
                .isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(TargetCalendar.businessDaysBetween(
                LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 30))).isEqualTo(5);
    }

    @Test
    void plusZeroBusinessDaysKeepsTheDate() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        assertThat(TargetCalendar.plusBusinessDays(saturday, 0)).isEqualTo(saturday);
    }

    @Test
    void businessDaysBetweenExcludesTheStartAndIncludesTheEnd() {
        LocalDate friday = LocalDate.of(2026, 12, 4);

        assertThat(TargetCalendar.businessDaysBetween(friday, friday)).isZero();
        assertThat(TargetCalendar.businessDaysBetween(friday, LocalDate.of(2026, 12, 6))).isZero();
        assertThat(TargetCalendar.businessDaysBetween(friday, LocalDate.of(2026, 12, 7)))
                .isEqualTo(1);
        assertThat(TargetCalendar.businessDaysBetween(LocalDate.of(2026, 12, 7), friday))
                .isEqualTo(-1);
    }

    @Test
    void previousBusinessDayOnOrBeforeStepsBackOverHolidays() {
        assertThat(TargetCalendar.previousBusinessDayOnOrBefore(LocalDate.of(2026, 4, 6)))
                .isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(TargetCalendar.previousBusinessDayOnOrBefore(LocalDate.of(2026, 4, 2)))
                .isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void plusBusinessDaysAndBusinessDaysBetweenAgreeOverSeveralYears() {
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
            for (int n = 1; n <= 5; n++) {
                LocalDate later = TargetCalendar.plusBusinessDays(d, n);
                assertThat(TargetCalendar.isBusinessDay(later)).isTrue();
                assertThat(TargetCalendar.businessDaysBetween(d, later)).isEqualTo(n);
            }
        }
    }
}
