package fr.cashadvance.financing.rules;

import static fr.cashadvance.financing.rules.RepaymentDatePolicy.AFTER_DUE_DATE_LIMIT;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.AFTER_FUNDING_LIMIT;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.NOT_BUSINESS_DAY;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.POSTPONED_TWICE;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.POSTPONE_TOO_FAR;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.TOO_EARLY;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.UNCHANGED;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.checkAfterFunding;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.checkAtRequest;
import static fr.cashadvance.financing.rules.RepaymentDatePolicy.defaultDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RepaymentDatePolicyTest {

    /** Friday 4 December 2026: 3 business days later is Wednesday 9 December. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static List<String> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }

    @Nested
    class Today {

        @Test
        void isTheParisDateEvenWhenUtcIsStillTheDayBefore() {
            // 22:30 UTC on 24 October 2026 is 00:30 on the 25th in Paris (summer time, UTC+2).
            Clock clock = Clock.fixed(Instant.parse("2026-10-24T22:30:00Z"), ZoneOffset.UTC);
            assertThat(RepaymentDatePolicy.today(clock)).isEqualTo(date(2026, 10, 25));
        }

        @Test
        void followsTheWinterOffsetOnTheNightClocksGoForward() {
            // 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Paris (still UTC+1).
            Clock night = Clock.fixed(Instant.parse("2026-03-28T23:30:00Z"), ZoneOffset.UTC);
            assertThat(RepaymentDatePolicy.today(night)).isEqualTo(date(2026, 3, 29));

            Clock morning = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);
            assertThat(RepaymentDatePolicy.today(morning)).isEqualTo(TODAY);
        }
    }

    @Nested
    class DefaultDate {

        @Test
        void isTheDueDateWhenItIsABusinessDay() {
            assertThat(defaultDate(date(2027, 1, 15), TODAY)).isEqualTo(date(2027, 1, 15));
        }

        @Test
        void movesADueDateOnAHolidayToTheNextBusinessDay() {
            // Saturday 26 December 2026, also a TARGET holiday.
            assertThat(defaultDate(date(2026, 12, 26), TODAY))
                    .isEqualTo(date(2026, 12, 28));
        }

        @Test
        void isNoEarlierThanThreeBusinessDaysFromToday() {
            assertThat(defaultDate(date(2026, 12, 5), TODAY)).isEqualTo(date(2026, 12, 9));
        }

        @Test
        void isNoLaterThan120DaysFromToday() {
            // Today + 120 days is Saturday 3 April 2027; the Friday before is open.
            assertThat(defaultDate(date(2027, 6, 30), TODAY)).isEqualTo(date(2027, 4, 2));
        }

        @Test
        void isAlwaysAcceptedByTheRequestCheck() {
            for (int offset = 0; offset <= 200; offset++) {
                LocalDate due = TODAY.plusDays(offset);
                LocalDate proposed = defaultDate(due, TODAY);
                assertThat(checkAtRequest(proposed, due, TODAY))
                        .as("default %s for due date %s", proposed, due)
                        .isEmpty();
            }
        }

        @Test
        void needsADueDate() {
            assertThatThrownBy(() -> defaultDate(null, TODAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AtRequest {

        @Test
        void acceptsABusinessDayWithinAllBounds() {
            assertThat(checkAtRequest(date(2027, 1, 15), date(2027, 1, 15), TODAY))
                    .isEmpty();
        }

        @Test
        void acceptsExactlyThreeBusinessDaysFromToday() {
            assertThat(checkAtRequest(date(2026, 12, 9), date(2027, 1, 15), TODAY))
                    .isEmpty();
        }

        @Test
        void refusesChristmasDay() {
            List<Violation> violations =
                    checkAtRequest(date(2026, 12, 25), date(2026, 12, 20), TODAY);

            assertThat(rules(violations)).containsExactly(NOT_BUSINESS_DAY);
            assertThat(violations.get(0).message())
                    .contains("25/12/2026")
                    .contains("le jour ouvré suivant est le 28/12/2026");
        }

        @Test
        void refusesGoodFriday() {
            assertThat(rules(checkAtRequest(date(2027, 3, 26), date(2027, 3, 1), TODAY)))
                    .containsExactly(NOT_BUSINESS_DAY);
        }

        @Test
        void refusesADateSoonerThanThreeBusinessDays() {
            List<Violation> violations =
                    checkAtRequest(date(2026, 12, 8), date(2027, 1, 15), TODAY);

            assertThat(violations).containsExactly(new Violation(TOO_EARLY,
                    "La date de remboursement doit être au plus tôt le 09/12/2026 "
                            + "(3 jours ouvrés après aujourd'hui)."));
        }

        @Test
        void refusesADateMoreThan60DaysAfterTheDueDate() {
            // Due 31 December 2026 + 60 days = Monday 1 March 2027.
            assertThat(checkAtRequest(date(2027, 3, 1), date(2026, 12, 31), TODAY))
                    .isEmpty();

            List<Violation> violations =
                    checkAtRequest(date(2027, 3, 2), date(2026, 12, 31), TODAY);

            assertThat(violations).containsExactly(new Violation(AFTER_DUE_DATE_LIMIT,
                    "La date de remboursement doit être au plus tard le 01/03/2027 "
                            + "(60 jours après l'échéance de la facture, le 31/12/2026)."));
        }

        @Test
        void refusesADateMoreThan120DaysFromToday() {
            List<Violation> violations = checkAtRequest(date(2027, 4, 5), null, TODAY);

            assertThat(violations).containsExactly(new Violation(AFTER_FUNDING_LIMIT,
                    "La date de remboursement doit être au plus tard le 02/04/2027 "
                            + "(120 jours après le financement, comptés à partir d'aujourd'hui)."));
        }

        @Test
        void withoutADueDateOnlyTheOtherRulesApply() {
            assertThat(checkAtRequest(date(2027, 3, 31), null, TODAY)).isEmpty();
        }

        @Test
        void listsEveryBrokenRule() {
            // 1 May 2027 is a Saturday and a TARGET holiday, past both limits.
            List<Violation> violations =
                    checkAtRequest(date(2027, 5, 1), date(2027, 1, 10), TODAY);

            assertThat(rules(violations))
                    .containsExactly(NOT_BUSINESS_DAY, AFTER_DUE_DATE_LIMIT, AFTER_FUNDING_LIMIT);
            assertThat(violations).allSatisfy(v ->
                    assertThat(v.message()).containsPattern("\\d{2}/\\d{2}/\\d{4}"));
        }

        @Test
        void listsBothAWeekendAndTooEarly() {
            assertThat(rules(checkAtRequest(date(2026, 12, 5), date(2027, 1, 15), TODAY)))
                    .containsExactly(NOT_BUSINESS_DAY, TOO_EARLY);
        }
    }

    @Nested
    class AfterFunding {

        private final LocalDate fundedOn = date(2026, 12, 7);
        private final LocalDate dueDate = date(2027, 1, 15);
        private final LocalDate current = date(2027, 1, 15);
        /** Thursday 10 December 2026: 2 business days later is Monday 14 December. */
        private final LocalDate today = date(2026, 12, 10);

        private List<Violation> check(LocalDate requested, boolean alreadyPostponed) {
            return checkAfterFunding(current, requested, alreadyPostponed, dueDate,
                    fundedOn, today);
        }

        @Test
        void bringsTheDateEarlierDownToTwoBusinessDaysAhead() {
            assertThat(check(date(2026, 12, 14), false)).isEmpty();
        }

        @Test
        void bringsTheDateEarlierEvenAfterAPostponement() {
            assertThat(check(date(2027, 1, 8), true)).isEmpty();
        }

        @Test
        void refusesBringingItEarlierThanTwoBusinessDaysAhead() {
            assertThat(check(date(2026, 12, 11), false)).containsExactly(new Violation(TOO_EARLY,
                    "La date de remboursement doit être au plus tôt le 14/12/2026 "
                            + "(2 jours ouvrés après aujourd'hui)."));
        }

        @Test
        void postponesOnceByUpTo30Days() {
            assertThat(check(date(2027, 2, 12), false)).isEmpty();
        }

        @Test
        void refusesPostponingTwice() {
            List<Violation> violations = check(date(2027, 1, 22), true);

            assertThat(rules(violations)).containsExactly(POSTPONED_TWICE);
            assertThat(violations.get(0).message()).contains("15/01/2027");
        }

        @Test
        void refusesPostponingByMoreThan30Days() {
            // 15 January 2027 + 30 days is Sunday 14 February: the last business day is the 12th.
            assertThat(check(date(2027, 2, 15), false)).containsExactly(new Violation(
                    POSTPONE_TOO_FAR,
                    "Un report est limité à 30 jours : la date de remboursement doit être au plus "
                            + "tard le 12/02/2027."));
        }

        @Test
        void refusesTheSameDate() {
            assertThat(rules(check(current, false))).containsExactly(UNCHANGED);
            assertThat(rules(check(current, true))).containsExactly(UNCHANGED);
        }

        @Test
        void refusesANewYearsDay() {
            List<Violation> violations = checkAfterFunding(date(2026, 12, 31),
                    date(2027, 1, 1), false, dueDate, fundedOn, today);

            assertThat(rules(violations)).containsExactly(NOT_BUSINESS_DAY);
        }

        @Test
        void refusesADateMoreThan60DaysAfterTheDueDate() {
            // Due 20 December 2026 + 60 days is Thursday 18 February 2027.
            List<Violation> violations = checkAfterFunding(date(2027, 2, 15),
                    date(2027, 2, 22), false, date(2026, 12, 20), fundedOn, today);

            assertThat(rules(violations)).containsExactly(AFTER_DUE_DATE_LIMIT);
            assertThat(violations.get(0).message()).contains("18/02/2027", "20/12/2026");
        }

        @Test
        void refusesADateMoreThan120DaysAfterFunding() {
            // Funded 7 December 2026 + 120 days is Tuesday 6 April 2027.
            List<Violation> violations = checkAfterFunding(date(2027, 3, 15),
                    date(2027, 4, 7), false, date(2027, 3, 1), fundedOn, today);

            assertThat(violations).containsExactly(new Violation(AFTER_FUNDING_LIMIT,
                    "La date de remboursement doit être au plus tard le 06/04/2027 "
                            + "(120 jours après le financement du 07/12/2026)."));
            assertThat(checkAfterFunding(date(2027, 3, 15), date(2027, 4, 6), false,
                    date(2027, 3, 1), fundedOn, today)).isEmpty();
        }

        @Test
        void listsEveryBrokenRule() {
            List<Violation> violations = checkAfterFunding(date(2027, 3, 15),
                    date(2027, 5, 1), true, dueDate, fundedOn, today);

            assertThat(rules(violations)).containsExactly(NOT_BUSINESS_DAY, POSTPONED_TWICE,
                    POSTPONE_TOO_FAR, AFTER_DUE_DATE_LIMIT, AFTER_FUNDING_LIMIT);
        }

        @Test
        void refusesAPostponementThatLandsInsideTheDebitWindow() {
            // Debit due today; moving it to tomorrow is a postponement, yet too close to act on.
            List<Violation> violations = checkAfterFunding(today, date(2026, 12, 11),
                    false, dueDate, fundedOn, today);

            assertThat(rules(violations)).containsExactly(TOO_EARLY);
        }
    }
}
