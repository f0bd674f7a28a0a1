package fr.cashadvance.financing.rules;

import fr.cashadvance.calendar.TargetCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which repayment dates a business may choose (DOMAIN.md §7). The debit settles through TARGET,
 * so the date is a TARGET business day; it is at the earliest 3 business days after the request,
 * at the latest 60 days after the invoice's due date and 120 days after funding. Once funded,
 * it may be brought earlier as often as wanted (at least 2 business days ahead) and postponed
 * once, by at most 30 days.
 *
 * <p>Every rule takes "today" as a parameter, so that callers and tests decide what today is;
 * {@link #today(Clock)} reads it from a clock in Europe/Paris, where the business lives. There
 * is no hidden call to now(). Each check lists every rule the date breaks, not just the first.
 */
public final class RepaymentDatePolicy {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public static final int MIN_BUSINESS_DAYS_AT_REQUEST = 3;
    public static final int MIN_BUSINESS_DAYS_AFTER_FUNDING = 2;
    public static final int MAX_DAYS_AFTER_DUE_DATE = 60;
    public static final int MAX_DAYS_AFTER_FUNDING = 120;
    public static final int MAX_POSTPONEMENT_DAYS = 30;

    public static final String NOT_BUSINESS_DAY = "repayment-date.not-business-day";
    public static final String TOO_EARLY = "repayment-date.too-early";
    public static final String AFTER_DUE_DATE_LIMIT = "repayment-date.after-due-date-limit";
    public static final String AFTER_FUNDING_LIMIT = "repayment-date.after-funding-limit";
    public static final String POSTPONED_TWICE = "repayment-date.postponed-twice";
    public static final String POSTPONE_TOO_FAR = "repayment-date.postpone-too-far";
    public static final String UNCHANGED = "repayment-date.unchanged";

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RepaymentDatePolicy() {
    }

    /** Today's date in Europe/Paris, whatever zone the clock or the server is in. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(Objects.requireNonNull(clock, "clock").withZone(ZONE));
    }

    /** The first date a new request may ask for: 3 business days after today. */
    public static LocalDate earliestAtRequest(LocalDate today) {
        return TargetCalendar.plusBusinessDays(today, MIN_BUSINESS_DAYS_AT_REQUEST);
    }

    /**
     * The last business day a new request may ask for: 60 days after the due date (when there
     * is one) and 120 days after today, funding being at the earliest today.
     */
    public static LocalDate latestAtRequest(LocalDate invoiceDueDate, LocalDate today) {
        LocalDate bound = today.plusDays(MAX_DAYS_AFTER_FUNDING);
        if (invoiceDueDate != null) {
            bound = min(bound, invoiceDueDate.plusDays(MAX_DAYS_AFTER_DUE_DATE));
        }
        return TargetCalendar.previousBusinessDayOnOrBefore(bound);
    }

    /**
     * The date offered when the business picks none: the invoice's due date, moved to the next
     * business day, but no earlier than {@link #earliestAtRequest} and, when the due date is
     * far away, no later than {@link #latestAtRequest}.
     *
     * @throws IllegalArgumentException when there is no due date: the business must then pick
     *     a date itself
     */
    public static LocalDate defaultDate(LocalDate invoiceDueDate, LocalDate today) {
        if (invoiceDueDate == null) {
            throw new IllegalArgumentException(
                    "The invoice has no due date: a repayment date must be chosen");
        }
        Objects.requireNonNull(today, "today");
        LocalDate earliest = earliestAtRequest(today);
        LocalDate latest = latestAtRequest(invoiceDueDate, today);

        LocalDate date = TargetCalendar.nextBusinessDayOnOrAfter(invoiceDueDate);
        if (date.isBefore(earliest)) {
            date = earliest;
        }
        // When the bounds cross, no date is acceptable: keep the earliest and let the check
        // report why, rather than hide it here.
        if (date.isAfter(latest) && !latest.isBefore(earliest)) {
            date = latest;
        }
        return date;
    }

    /**
     * Checks the date asked for with a new financing request (or at its confirmation).
     *
     * @param invoiceDueDate null when the invoice has none (then only the other rules apply)
     * @return every broken rule; empty when the date is acceptable
     */
    public static List<Violation> checkAtRequest(LocalDate requested, LocalDate invoiceDueDate,
                                                 LocalDate today) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(today, "today");
        List<Violation> violations = new ArrayList<>();

        checkBusinessDay(requested, violations);

        LocalDate earliest = earliestAtRequest(today);
        if (requested.isBefore(earliest)) {
            violations.add(tooEarly(earliest, MIN_BUSINESS_DAYS_AT_REQUEST));
        }

        checkDueDateLimit(requested, invoiceDueDate, violations);

        // Before funding, "120 days after funding" is judged from today: funding cannot happen
        // earlier, so a date accepted now is never refused by that rule once funded.
        LocalDate fundingBound = today.plusDays(MAX_DAYS_AFTER_FUNDING);
        if (requested.isAfter(fundingBound)) {
            violations.add(new Violation(AFTER_FUNDING_LIMIT, String.format(
                    "La date de remboursement doit être au plus tard le %s (%d jours après le "
                            + "financement, comptés à partir d'aujourd'hui).",
                    lastBusinessDay(fundingBound), MAX_DAYS_AFTER_FUNDING)));
        }
        return List.copyOf(violations);
    }

    /**
     * Checks a change of repayment date on a funded advance.
     *
     * @param current the repayment date now scheduled
     * @param alreadyPostponed whether the date was moved later once already
     * @param invoiceDueDate null when the invoice has none
     * @return every broken rule; empty when the change is acceptable
     */
    public static List<Violation> checkAfterFunding(LocalDate current, LocalDate requested,
                                                    boolean alreadyPostponed,
                                                    LocalDate invoiceDueDate,
                                                    LocalDate fundedOn, LocalDate today) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(fundedOn, "fundedOn");
        Objects.requireNonNull(today, "today");

        // Nothing would move, so the other rules have nothing to judge.
        if (requested.equals(current)) {
            return List.of(new Violation(UNCHANGED, String.format(
                    "Le remboursement est déjà prévu le %s : choisissez une autre date.",
                    format(current))));
        }

        List<Violation> violations = new ArrayList<>();
        checkBusinessDay(requested, violations);

        // The debit is prepared 2 business days ahead, so no new date may fall inside that
        // window, whichever way it moves (DOMAIN.md says so for bringing it earlier; a
        // postponement can only land there when the current date is itself that close).
        // LIMITATION: a change is not refused merely because the current date is already inside
        // that window (the debit may be under way); the lender's PATCH, bound by its
        // earliest_to_repay_at, has the last word.
        LocalDate earliest =
                TargetCalendar.plusBusinessDays(today, MIN_BUSINESS_DAYS_AFTER_FUNDING);
        if (requested.isBefore(earliest)) {
            violations.add(tooEarly(earliest, MIN_BUSINESS_DAYS_AFTER_FUNDING));
        }

        if (requested.isAfter(current)) {
            if (alreadyPostponed) {
                violations.add(new Violation(POSTPONED_TWICE, String.format(
                        "La date de remboursement a déjà été reportée une fois : elle peut "
                                + "encore être avancée, mais pas repoussée après le %s.",
                        format(current))));
            }
            LocalDate postponeBound = current.plusDays(MAX_POSTPONEMENT_DAYS);
            if (requested.isAfter(postponeBound)) {
                violations.add(new Violation(POSTPONE_TOO_FAR, String.format(
                        "Un report est limité à %d jours : la date de remboursement doit être "
                                + "au plus tard le %s.",
                        MAX_POSTPONEMENT_DAYS, lastBusinessDay(postponeBound))));
            }
        }

        checkDueDateLimit(requested, invoiceDueDate, violations);

        LocalDate fundingBound = fundedOn.plusDays(MAX_DAYS_AFTER_FUNDING);
        if (requested.isAfter(fundingBound)) {
            violations.add(new Violation(AFTER_FUNDING_LIMIT, String.format(
                    "La date de remboursement doit être au plus tard le %s (%d jours après le "
                            + "financement du %s).",
                    lastBusinessDay(fundingBound), MAX_DAYS_AFTER_FUNDING, format(fundedOn))));
        }
        return List.copyOf(violations);
    }

    private static void checkBusinessDay(LocalDate requested, List<Violation> violations) {
        if (!TargetCalendar.isBusinessDay(requested)) {
            violations.add(new Violation(NOT_BUSINESS_DAY, String.format(
                    "Le %s n'est pas un jour ouvré TARGET, où se règlent les prélèvements SEPA "
                            + "(ni samedi, ni dimanche, ni 1er janvier, Vendredi saint, lundi de "
                            + "Pâques, 1er mai, 25 et 26 décembre) : le jour ouvré suivant est "
                            + "le %s.",
                    format(requested),
                    format(TargetCalendar.nextBusinessDayOnOrAfter(requested)))));
        }
    }

    private static void checkDueDateLimit(LocalDate requested, LocalDate invoiceDueDate,
                                          List<Violation> violations) {
        if (invoiceDueDate == null) {
            return;
        }
        LocalDate bound = invoiceDueDate.plusDays(MAX_DAYS_AFTER_DUE_DATE);
        if (requested.isAfter(bound)) {
            violations.add(new Violation(AFTER_DUE_DATE_LIMIT, String.format(
                    "La date de remboursement doit être au plus tard le %s (%d jours après "
                            + "l'échéance de la facture, le %s).",
                    lastBusinessDay(bound), MAX_DAYS_AFTER_DUE_DATE, format(invoiceDueDate))));
        }
    }

    private static Violation tooEarly(LocalDate earliest, int businessDays) {
        return new Violation(TOO_EARLY, String.format(
                "La date de remboursement doit être au plus tôt le %s (%d jours ouvrés après "
                        + "aujourd'hui).",
                format(earliest), businessDays));
    }

    /** A limit is stated as the last date the business can actually pick: a business day. */
    private static String lastBusinessDay(LocalDate bound) {
        return format(TargetCalendar.previousBusinessDayOnOrBefore(bound));
    }

    private static String format(LocalDate date) {
        return date.format(FR_DATE);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
