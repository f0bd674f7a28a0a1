package fr.cashadvance.accounting.fees;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.accounting.fees.FeeAccrual.LoanPeriod;
import fr.cashadvance.financing.rules.FeeCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The statement rules over random loans: amounts, rates, dates of 2024-2027, 0..180 days. */
class FeeAccrualPropertiesTest {

    private static final int TRIES = 1000;

    @Property(tries = TRIES)
    void linesOfARepaidLoanAddUpToItsTotalFeeToTheCent(@ForAll("repaidLoans") LoanPeriod loan) {
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(loan.fundedOn());
             !month.isAfter(YearMonth.from(loan.repaidOn())); month = month.plusMonths(1)) {
            sum = sum.add(FeeAccrual.lineFor(loan, month));
        }

        assertThat(sum).isEqualTo(FeeCalculator.fees(loan.amount(), loan.dailyRate(),
                loan.fundedOn(), loan.repaidOn()));
    }

    @Property(tries = TRIES)
    void everyLineIsPositiveOrZeroAndOnlyAppearingMonthsBillAnything(
            @ForAll("repaidLoans") LoanPeriod loan) {
        YearMonth last = YearMonth.from(loan.repaidOn()).plusMonths(1);
        for (YearMonth month = YearMonth.from(loan.fundedOn()).minusMonths(1);
             !month.isAfter(last); month = month.plusMonths(1)) {
            BigDecimal line = FeeAccrual.lineFor(loan, month);

            assertThat(line.signum()).as("line of %s", month).isNotNegative();
            if (!FeeAccrual.appearsIn(loan, month)) {
                assertThat(line.signum()).as("line of %s", month).isZero();
            }
        }
    }

    @Property(tries = TRIES)
    void loanAppearsInTheMonthItWasFunded(@ForAll("repaidLoans") LoanPeriod loan) {
        assertThat(FeeAccrual.appearsIn(loan, YearMonth.from(loan.fundedOn()))).isTrue();
        assertThat(FeeAccrual.appearsIn(loan, YearMonth.from(loan.repaidOn()))).isTrue();
    }

    @Property(tries = TRIES)
    void runningLoanBillsExactlyItsNightsSoFar(@ForAll("repaidLoans") LoanPeriod repaid) {
        LoanPeriod running = new LoanPeriod(repaid.loanRef(), repaid.amount(),
                repaid.dailyRate(), repaid.fundedOn(), null);
        YearMonth until = YearMonth.from(repaid.repaidOn());
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(running.fundedOn()); !month.isAfter(until);
             month = month.plusMonths(1)) {
            assertThat(FeeAccrual.appearsIn(running, month)).isTrue();
            sum = sum.add(FeeAccrual.lineFor(running, month));
        }

        LocalDate statementEnd = until.plusMonths(1).atDay(1);
        long nights = statementEnd.toEpochDay() - running.fundedOn().toEpochDay();
        assertThat(sum).isEqualTo(FeeCalculator.feesForDays(running.amount(),
                running.dailyRate(), nights));
    }

    @Provide
    Arbitrary<LoanPeriod> repaidLoans() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("200000.00")).ofScale(2);
        Arbitrary<BigDecimal> rates = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0005"), new BigDecimal("0.001")).ofScale(6);
        Arbitrary<LocalDate> fundedOn = Arbitraries.longs()
                .between(LocalDate.of(2024, 1, 1).toEpochDay(),
                        LocalDate.of(2027, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 180);
        return Combinators.combine(amounts, rates, fundedOn, days).as((amount, rate, on, d) ->
                new LoanPeriod("loan-" + on + "-" + d, amount, rate, on, on.plusDays(d)));
    }
}
