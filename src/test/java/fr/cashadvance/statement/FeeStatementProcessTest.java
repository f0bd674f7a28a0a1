package fr.cashadvance.statement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cashadvance.accounting.AccountingService;
import fr.cashadvance.accounting.EntryKind;
import fr.cashadvance.accounting.fees.FeeAccrual;
import fr.cashadvance.business.Business;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.mail.MailCatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The month's statement for a business: reconciled with the lender, booked, sent as a PDF. */
class FeeStatementProcessTest extends JourneyTestSupport {

    @Autowired FeeStatementRepository statements;
    @Autowired AccountingService accounting;
    @Autowired TaskService tasks;
    @Autowired MailCatcher mails;

    @Test
    void aMonthWithAFundedLoanIsReconciledBookedAndSent() {
        Business b = connectedBusiness("Relevé Test");
        FinancingView f = funded(issuedInvoiceFor(b, new BigDecimal("1200.00"), 40));
        YearMonth month = YearMonth.from(f.fundedAt().atZone(PARIS));

        runStatementsAfterMonthEnd(month, f);

        FeeStatement s = statements.findByBusinessIdAndPeriod(b.getId(), month.toString())
                .orElseThrow();
        BigDecimal expected = FeeAccrual.lineFor(new FeeAccrual.LoanPeriod(f.id(), f.amount(),
                f.feesDailyRate(), f.fundedAt().atZone(PARIS).toLocalDate(), null), month);
        assertThat(s.getStatus()).isEqualTo(StatementStatus.SENT);
        assertThat(s.getTotalOurs()).isEqualByComparingTo(expected).isPositive();
        assertThat(s.getTotalLender()).isEqualByComparingTo(expected);

        var fees = accounting.forBusiness(b.getId()).stream()
                .filter(e -> e.getKind() == EntryKind.FEES).toList();
        assertThat(fees).hasSize(1);
        assertThat(fees.get(0).totalDebit()).isEqualByComparingTo(expected);
        assertThat(fees.get(0).getLines().get(0).getAccount()).isEqualTo("661600");
        assertThat(fees.get(0).getLines().get(1).getAccount()).startsWith("401");

        // The ledger and the FEC export of the month agree with the statement, to the cent.
        var fec = rest.withBasicAuth("platform", "test-password").getForEntity(
                "/api/accounting/fec?businessId=" + b.getId() + "&from=" + month.atDay(1)
                        + "&to=" + month.atEndOfMonth(), String.class);
        assertThat(fec.getStatusCode()).isEqualTo(HttpStatus.OK);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        BigDecimal feesLine = BigDecimal.ZERO;
        String[] rows = fec.getBody().split("\n");
        for (int i = 1; i < rows.length; i++) {
            String[] col = rows[i].split("\t", -1);
            assertThat(col).hasSize(18);
            BigDecimal d = new BigDecimal(col[11].replace(',', '.'));
            debit = debit.add(d);
            credit = credit.add(new BigDecimal(col[12].replace(',', '.')));
            if (col[4].equals("661600")) {
                feesLine = feesLine.add(d);
            }
        }
        assertThat(debit).isEqualByComparingTo(credit);
        assertThat(feesLine).isEqualByComparingTo(expected);
        assertThat(debit).isEqualByComparingTo(f.amount().add(expected));

        var mail = mails.messages().stream()
                .filter(m -> m.to().contains(b.getRepresentativeEmail()))
                .filter(m -> m.subject().contains("relevé des frais")).findFirst();
        assertThat(mail).isPresent();
        var pdf = rest.withBasicAuth("platform", "test-password")
                .getForEntity("/api/fee-statements/" + s.getId() + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aDifferenceWithTheLenderOpensAnOperatorTaskAndBooksNothing() {
        Business b = connectedBusiness("Relevé Test");
        FinancingView f = funded(issuedInvoiceFor(b, new BigDecimal("900.00"), 40));
        YearMonth month = YearMonth.from(f.fundedAt().atZone(PARIS));
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(sandboxKey);
        h.setContentType(MediaType.APPLICATION_JSON);
        var adjusted = rest.exchange("/sandbox-lender/bills/adjustments", HttpMethod.POST,
                new HttpEntity<>(Map.of("loan_id", f.lenderLoanId(), "month", month.toString(),
                        "amount", 1), h), String.class);
        assertThat(adjusted.getStatusCode().is2xxSuccessful()).as(adjusted.getBody()).isTrue();

        runStatementsAfterMonthEnd(month, f);

        FeeStatement s = statements.findByBusinessIdAndPeriod(b.getId(), month.toString())
                .orElseThrow();
        assertThat(s.getStatus()).isEqualTo(StatementStatus.MISMATCH);
        assertThat(s.getTotalLender()).isEqualByComparingTo(s.getTotalOurs().add(
                new BigDecimal("0.01")));
        assertThat(s.getDifferences()).contains(f.invoiceNumber());
        assertThat(accounting.forBusiness(b.getId())).noneMatch(e -> e.getKind() == EntryKind.FEES);
        var task = tasks.createTaskQuery().taskDefinitionKey("UserTask_ReviewFeeMismatch")
                .taskCandidateGroup("operators").processVariableValueEquals("month",
                        month.toString()).list();
        assertThat(task).anySatisfy(t -> assertThat(tasks.getVariable(t.getId(), "businessId"))
                .isEqualTo(b.getId()));
    }

    @Test
    void aMonthThatHasNotEndedCannotBeBilled() {
        YearMonth next = YearMonth.from(today()).plusMonths(1);

        var refused = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/fee-statements?month=" + next, null, String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("month.not-ended");
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("statements-" + next).count()).isZero();
    }

    private void runStatementsAfterMonthEnd(YearMonth month, FinancingView f) {
        Instant sandboxNow = Instant.now().plus(Duration.ofHours(3));
        LocalDate target = month.plusMonths(1).atDay(2);
        long days = ChronoUnit.DAYS.between(sandboxNow.atZone(PARIS).toLocalDate(), target);
        sandboxAdvance("P" + Math.max(days, 1) + "D");

        // Another test's run of the same month may still wait on an operator: end it first.
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("statements-" + month)
                .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup"));
        var started = rest.withBasicAuth("platform", "test-password").postForEntity(
                "/api/fee-statements?month=" + month, null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String pid = (String) started.getBody().get("processInstanceId");
        for (int i = 0; i < 20; i++) {
            var jobs = management.createJobQuery().processInstanceId(pid).list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(j -> {
                try {
                    management.executeJob(j.getId());
                } catch (RuntimeException otherBusinessFailed) {
                    // Other tests' businesses share this month; only ours is asserted.
                }
            });
        }
    }
}
