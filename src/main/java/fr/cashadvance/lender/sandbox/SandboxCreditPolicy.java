package fr.cashadvance.lender.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox lender's credit-limit rule. The real lender's rule is not public; this one is
 * simple enough to predict in a test or a walkthrough.
 *
 * <p>Over the last 6 full calendar months before the sandbox's today (Europe/Paris), take each
 * month's total inflows: the sum of the positive transactions of all shared bank accounts.
 * <ul>
 *   <li>No shared bank account: the limit is 0 ({@code NO_BANK_ACCOUNT}).</li>
 *   <li>Fewer than 3 of those months have any transaction, in or out: the limit is 0
 *       ({@code INSUFFICIENT_HISTORY}).</li>
 *   <li>The company is younger than 6 months ({@code companyCreatedOn} + 6 months is after
 *       today): the limit is 0 ({@code COMPANY_TOO_YOUNG}). When the creation date is not
 *       given this condition is not applied.</li>
 *   <li>Otherwise the limit is 30 % of the average monthly inflow over the months that have
 *       transactions, rounded down to a multiple of 100 €, capped at 200 000 € (the largest
 *       advance, DOMAIN §5). If that rounds down to 0: {@code INFLOWS_TOO_LOW}.</li>
 * </ul>
 * Every reason that applies is given, not just the first (with no account at all,
 * {@code INSUFFICIENT_HISTORY} is implied and not repeated). Transactions outside the window
 * (older, or in the current month) are ignored.
 *
 * <p>Example: today 2026-03-10, so the window is September 2025 to February 2026. Inflows of
 * 10 000 €, 12 000 €, 11 000 € in three of those months and none in the others give an average
 * of 11 000 € over 3 months, 30 % = 3 300 €, limit 3 300 €.
 */
final class SandboxCreditPolicy {

    static final int WINDOW_MONTHS = 6;
    static final int MIN_MONTHS_WITH_TRANSACTIONS = 3;
    static final int MIN_COMPANY_AGE_MONTHS = 6;
    static final BigDecimal SHARE_OF_INFLOWS = new BigDecimal("0.30");
    static final long ROUNDING_CENTS = 10_000;
    static final long MAX_LIMIT_CENTS = 20_000_000;

    private SandboxCreditPolicy() {
    }

    /** A transaction as the rule sees it: its date and its amount in cents (+ in, − out). */
    record Movement(LocalDate date, long amount) {
    }

    /**
     * @param limitCents     the credit limit, in euro cents
     * @param reasons        why it is zero; empty when it is not
     * @param monthlyInflows inflows of each month of the window, oldest first, in cents
     * @param activeMonths   how many months of the window have any transaction
     */
    record Decision(long limitCents, List<SandboxEligibilityReason> reasons,
                    Map<YearMonth, Long> monthlyInflows, int activeMonths) {

        Decision {
            reasons = List.copyOf(reasons);
            monthlyInflows = Collections.unmodifiableMap(new LinkedHashMap<>(monthlyInflows));
        }
    }

    /**
     * @param companyCreatedOn the company's creation date; null when not given
     * @param bankAccounts     how many bank accounts the borrower shares
     * @param movements        the transactions of all those accounts
     * @param today            the sandbox's today, Europe/Paris
     */
    static Decision decide(LocalDate companyCreatedOn, int bankAccounts,
                           Collection<Movement> movements, LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(WINDOW_MONTHS - 1L);

        Map<YearMonth, Long> inflows = new LinkedHashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            inflows.put(month, 0L);
        }
        Set<YearMonth> active = new TreeSet<>();
        for (Movement movement : movements) {
            YearMonth month = YearMonth.from(movement.date());
            if (!inflows.containsKey(month)) {
                continue;
            }
            active.add(month);
            if (movement.amount() > 0) {
                inflows.merge(month, movement.amount(), Math::addExact);
            }
        }

        List<SandboxEligibilityReason> reasons = new ArrayList<>();
        if (bankAccounts == 0) {
            reasons.add(SandboxEligibilityReason.NO_BANK_ACCOUNT);
        } else if (active.size() < MIN_MONTHS_WITH_TRANSACTIONS) {
            reasons.add(SandboxEligibilityReason.INSUFFICIENT_HISTORY);
        }
        // LIMITATION: with no creation date the age is not checked; the real lender would look
        // it up in the company register, which the sandbox cannot reach.
        if (companyCreatedOn != null
                && companyCreatedOn.plusMonths(MIN_COMPANY_AGE_MONTHS).isAfter(today)) {
            reasons.add(SandboxEligibilityReason.COMPANY_TOO_YOUNG);
        }
        if (!reasons.isEmpty()) {
            return new Decision(0, reasons, inflows, active.size());
        }

        long total = active.stream().mapToLong(inflows::get).sum();
        long limit = BigDecimal.valueOf(total)
                .multiply(SHARE_OF_INFLOWS)
                .divide(BigDecimal.valueOf(active.size() * ROUNDING_CENTS), 0,
                        RoundingMode.FLOOR)
                .multiply(BigDecimal.valueOf(ROUNDING_CENTS))
                .min(BigDecimal.valueOf(MAX_LIMIT_CENTS))
                .longValueExact();
        if (limit == 0) {
            reasons.add(SandboxEligibilityReason.INFLOWS_TOO_LOW);
        }
        return new Decision(limit, reasons, inflows, active.size());
    }
}
