package fr.cashadvance.statement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.accounting.AccountingEntry;
import fr.cashadvance.accounting.AccountingService;
import fr.cashadvance.accounting.EntryKind;
import fr.cashadvance.accounting.fees.FeeAccrual;
import fr.cashadvance.business.Business;
import fr.cashadvance.calendar.TargetCalendar;
import fr.cashadvance.financing.FinancingStatus;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random journeys through the real process (amounts, dates moved earlier or postponed, some
 * repaid, some not): every funded loan has exactly one advance entry and at most one repayment
 * entry, every entry balances, and a repaid loan's monthly fee lines add up to its final fee.
 */
class RandomJourneysLedgerTest extends JourneyTestSupport {

    @Autowired AccountingService accounting;

    @Test
    void randomJourneysKeepTheLedgerRight() {
        long seed = System.nanoTime();
        System.out.println("RandomJourneysLedgerTest seed " + seed);
        Random random = new Random(seed);
        Business b = connectedBusiness("Aléa");
        List<FinancingView> journeys = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            BigDecimal amount = BigDecimal.valueOf(50_00 + random.nextInt(400_000), 2);
            FinancingView f = funded(issuedInvoiceFor(b, amount, 20 + random.nextInt(40)));
            switch (random.nextInt(3)) {
                case 0 -> financings.changeRepaymentDate(f.id(), TargetCalendar
                        .plusBusinessDays(today(), 3 + random.nextInt(5)), "random");
                case 1 -> financings.changeRepaymentDate(f.id(), TargetCalendar
                        .nextBusinessDayOnOrAfter(f.repaymentDate().plusDays(
                                1 + random.nextInt(20))), "random");
                default -> { }
            }
            journeys.add(financings.get(f.id()));
        }
        sandboxAdvance("P" + (90 + random.nextInt(30)) + "D");
        for (FinancingView f : journeys) {
            if (random.nextInt(4) > 0) {
                executeJob(f, "Event_RepaymentDue");
                executeJob(f, "Task_CheckRepayment");
            }
        }

        for (FinancingView before : journeys) {
            FinancingView f = financings.get(before.id());
            List<AccountingEntry> entries = accounting.forFinancing(f.id());
            assertThat(entries).filteredOn(e -> e.getKind() == EntryKind.ADVANCE_RECEIVED)
                    .as("seed %d", seed).hasSize(1);
            assertThat(entries).filteredOn(e -> e.getKind() == EntryKind.ADVANCE_REPAID)
                    .hasSizeLessThanOrEqualTo(1)
                    .hasSize(f.status() == FinancingStatus.REPAID ? 1 : 0);
            entries.forEach(e -> assertThat(e.totalDebit()).isEqualByComparingTo(e.totalCredit())
                    .isEqualByComparingTo(f.amount()));
            if (f.status() == FinancingStatus.REPAID) {
                var period = new FeeAccrual.LoanPeriod(f.id(), f.amount(), f.feesDailyRate(),
                        f.fundedAt().atZone(PARIS).toLocalDate(),
                        f.repaidAt().atZone(PARIS).toLocalDate());
                BigDecimal sum = BigDecimal.ZERO;
                for (YearMonth m = YearMonth.from(period.fundedOn());
                        !m.isAfter(YearMonth.from(period.repaidOn())); m = m.plusMonths(1)) {
                    sum = sum.add(FeeAccrual.lineFor(period, m));
                }
                assertThat(sum).as("seed %d", seed).isEqualByComparingTo(f.feesFinal());
            }
        }
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (AccountingEntry e : accounting.forBusiness(b.getId())) {
            debit = debit.add(e.totalDebit());
            credit = credit.add(e.totalCredit());
        }
        assertThat(debit).isEqualByComparingTo(credit);
    }
}
