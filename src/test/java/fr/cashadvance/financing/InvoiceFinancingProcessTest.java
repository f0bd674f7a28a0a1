package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.cashadvance.accounting.AccountingService;
import fr.cashadvance.accounting.EntryKind;
import fr.cashadvance.calendar.TargetCalendar;
import fr.cashadvance.invoice.InvoiceView;
import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through invoice-financing.bpmn; timers are driven by executing their jobs. */
class InvoiceFinancingProcessTest extends JourneyTestSupport {

    @Autowired AccountingService accounting;
    @Autowired TaskService tasks;

    @Test
    void happyPathFromRecapToRepaidWithBothEntries() {
        InvoiceView invoice = issuedInvoice("1200.00", BUYER_SIREN);

        FinancingView requested = financings.request(invoice.id(), null, "test");
        assertThat(requested.status()).isEqualTo(FinancingStatus.REQUESTED);
        assertThat(instanceOf(requested)).isWaitingAt(JourneyModel.TASK_CONFIRM_RECAP);

        FinancingView f = funded(invoice);
        assertThat(instanceOf(f)).isWaitingAt("Gateway_AwaitRepayment");
        assertThat(accounting.forFinancing(f.id())).extracting(e -> e.getKind())
                .containsExactly(EntryKind.ADVANCE_RECEIVED);
        assertThat(f.feesAccrued()).isNotNull().isLessThanOrEqualTo(f.feesEstimated());

        sandboxAdvance("P60D");
        executeJob(f, "Event_RepaymentDue");
        executeJob(f, "Task_CheckRepayment");

        FinancingView repaid = financings.get(f.id());
        assertThat(repaid.status()).isEqualTo(FinancingStatus.REPAID);
        assertThat(repaid.feesFinal()).isPositive();
        assertThat(repaid.feesAccrued()).isEqualByComparingTo(repaid.feesFinal());
        assertThat(instanceOf(f)).isEnded();
        assertThat(repaid.history()).extracting(FinancingView.HistoryEntry::status)
                .containsSubsequence(FinancingStatus.REQUESTED, FinancingStatus.IN_EVALUATION,
                        FinancingStatus.TO_VALIDATE, FinancingStatus.VALIDATED,
                        FinancingStatus.FUNDED, FinancingStatus.REPAID);
        var entries = accounting.forFinancing(f.id());
        assertThat(entries).extracting(e -> e.getKind())
                .containsExactly(EntryKind.ADVANCE_RECEIVED, EntryKind.ADVANCE_REPAID);
        entries.forEach(e -> {
            assertThat(e.totalDebit()).isEqualByComparingTo("1200.00");
            assertThat(e.totalCredit()).isEqualByComparingTo(e.totalDebit());
        });
        assertThat(entries.get(0).getLines().get(0).getAccount()).isEqualTo("512000");
        assertThat(entries.get(0).getLines().get(1).getAccount()).isEqualTo("519100");
        assertThat(entries.get(1).getLines().get(0).getAccount()).isEqualTo("519100");
    }

    @Test
    void declinedWhenTheLenderRefusesTheBuyer() {
        InvoiceView invoice = issuedInvoice("800.00", EXCLUDED_BUYER_SIREN);
        FinancingView f = financings.request(invoice.id(), null, "test");
        financings.confirm(f.id(), null, "test");
        executeJob(f, "Task_SubmitToLender");
        if (hasJob(f, "Event_DecisionPoll")) {
            executeJob(f, "Event_DecisionPoll");
            executeJob(f, "Task_ReadLenderDecision");
        }

        FinancingView declined = financings.get(f.id());
        assertThat(declined.status()).isEqualTo(FinancingStatus.DECLINED);
        assertThat(declined.outcomeReason()).isNotBlank();
        assertThat(instanceOf(f)).isEnded().hasPassed("EndEvent_Declined");
        assertThat(invoices.get(invoice.id()).locked()).isFalse();
    }

    @Test
    void cancelledAtTheRecapLeavesTheInvoiceFree() {
        InvoiceView invoice = issuedInvoice("500.00", BUYER_SIREN);
        FinancingView f = financings.request(invoice.id(), null, "test");

        financings.cancel(f.id(), "test");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(instanceOf(f)).isEnded().hasPassed("EndEvent_CancelledAtRecap");
        assertThat(invoices.get(invoice.id()).locked()).isFalse();
        assertThat(financings.request(invoice.id(), null, "test").status())
                .isEqualTo(FinancingStatus.REQUESTED);
    }

    @Test
    void cancelledWhenNotValidatedInTime() {
        FinancingView f = toValidate(issuedInvoice("650.00", BUYER_SIREN));

        executeJob(f, "BoundaryEvent_ValidationExpired");
        executeJob(f, "Task_CancelExpiredAtLender");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(instanceOf(f)).isEnded().hasPassed("EndEvent_NotValidatedInTime");
        assertThat(financings.get(f.id()).history().get(financings.get(f.id()).history().size()
                - 1).cause()).contains("non validé");
    }

    @Test
    void lateTransferOpensAnOperatorTaskThatClosesWhenTheMoneyArrives() {
        FinancingView f = validated(issuedInvoice("900.00", BUYER_SIREN));

        executeJob(f, "BoundaryEvent_TransferOverdue");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.TRANSFER_LATE);
        assertThat(instanceOf(f)).isWaitingAt("UserTask_FollowUpLateTransfer",
                "Gateway_AwaitTransfer");
        assertThat(tasks.createTaskQuery().processInstanceId(f.processInstanceId())
                .taskCandidateGroup("operators").count()).isEqualTo(1);

        sandboxAdvance("PT3H");
        executeJob(f, "Event_TransferPoll");
        executeJob(f, "Task_CheckTransfer");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.FUNDED);
        assertThat(instanceOf(f)).hasPassed("EndEvent_LateTransferResolved")
                .isWaitingAt("Gateway_AwaitRepayment");
        assertThat(tasks.createTaskQuery().processInstanceId(f.processInstanceId()).count())
                .isZero();
    }

    @Test
    void repaymentBroughtEarlierMovesTheTimer() {
        FinancingView f = funded(issuedInvoice("1000.00", BUYER_SIREN));
        LocalDate earlier = TargetCalendar.plusBusinessDays(today(), 5);
        assertThat(earlier).isBefore(f.repaymentDate());

        financings.changeRepaymentDate(f.id(), earlier, "test");

        var timer = management.createJobQuery().processInstanceId(f.processInstanceId())
                .activityId("Event_RepaymentDue").singleResult();
        LocalDate due = timer.getDuedate().toInstant().atZone(PARIS).toLocalDate();
        assertThat(due).isEqualTo(earlier);
        assertThat(timer.getDuedate().toInstant().atZone(PARIS).getHour()).isEqualTo(10);
        assertThat(financings.get(f.id()).feesEstimated()).isLessThan(f.feesEstimated());
    }

    @Test
    void postponedOnceThenASecondPostponementIsRefused() {
        FinancingView f = funded(issuedInvoice("700.00", BUYER_SIREN));
        LocalDate later = TargetCalendar.nextBusinessDayOnOrAfter(f.repaymentDate().plusDays(10));

        FinancingView moved = financings.changeRepaymentDate(f.id(), later, "test");
        assertThat(moved.repaymentDate()).isEqualTo(later);
        assertThat(moved.repaymentPostponed()).isTrue();
        var timer = management.createJobQuery().processInstanceId(f.processInstanceId())
                .activityId("Event_RepaymentDue").singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(PARIS).toLocalDate()).isEqualTo(later);

        LocalDate evenLater = TargetCalendar.nextBusinessDayOnOrAfter(later.plusDays(3));
        assertThatThrownBy(() -> financings.changeRepaymentDate(f.id(), evenLater, "test"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("repayment-date.postponed-twice");
        assertThat(financings.get(f.id()).repaymentDate()).isEqualTo(later);
    }

    @Test
    void debitFailedOpensAnOperatorTask() {
        FinancingView f = funded(issuedInvoice("400.00", BUYER_SIREN));
        sandboxScenario(f.lenderLoanId(), "ON_TIME", "FAILS");

        sandboxAdvance("P60D");
        executeJob(f, "Event_RepaymentDue");
        executeJob(f, "Task_CheckRepayment");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.REPAYMENT_FAILED);
        assertThat(instanceOf(f)).isWaitingAt("UserTask_FollowUpFailedDebit");
        assertThat(accounting.forFinancing(f.id())).extracting(e -> e.getKind())
                .containsExactly(EntryKind.ADVANCE_RECEIVED);
    }

    @Test
    void aWebhookHintWakesTheDecisionWaitWithoutAPoll() {
        InvoiceView invoice = issuedInvoice("300.00", BUYER_SIREN);
        FinancingView f = financings.request(invoice.id(), null, "test");
        financings.confirm(f.id(), null, "test");
        executeJob(f, "Task_SubmitToLender");
        f = financings.get(f.id());
        if (hasJob(f, "Event_DecisionPoll")) {
            var woken = runtime.createMessageCorrelation(JourneyModel.MESSAGE_LOAN_UPDATED)
                    .processInstanceId(f.processInstanceId()).correlateAllWithResult();
            assertThat(woken).hasSize(1);
            assertThat(hasJob(f, "Event_DecisionPoll")).isFalse();
            executeJob(f, "Task_ReadLenderDecision");
        }
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
    }

    @Test
    void confirmationRefusedAboveTheAvailableBalanceChangesNothing() {
        InvoiceView big = issuedInvoice("40000.00", BUYER_SIREN);
        FinancingView first = financings.request(big.id(), null, "test");
        InvoiceView second = issuedInvoice("40000.00", BUYER_SIREN);
        FinancingView other = financings.request(second.id(), null, "test");
        financings.confirm(first.id(), null, "test");

        BigDecimal before = financings.get(other.id()).availableBalance();
        assertThatThrownBy(() -> financings.confirm(other.id(), null, "test"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("available balance");
        assertThat(status(other.id())).isEqualTo(FinancingStatus.REQUESTED);
        assertThat(invoices.get(second.id()).locked()).isFalse();
        assertThat(financings.get(other.id()).availableBalance()).isEqualByComparingTo(before);

        // Release the reservation for the other tests sharing this sandbox and business.
        financings.cancel(other.id(), "test");
        executeJob(first, "Task_SubmitToLender");
        if (hasJob(first, "Event_DecisionPoll")) {
            executeJob(first, "Event_DecisionPoll");
            executeJob(first, "Task_ReadLenderDecision");
        }
        executeJob(first, "Task_SendValidationEmail");
        financings.cancel(first.id(), "test");
        executeJob(first, "Task_CancelAtLender");
        assertThat(status(first.id())).isEqualTo(FinancingStatus.CANCELLED);
    }

    @Test
    void twoConfirmationsRacingForTheLastEurosExactlyOneWins() throws Exception {
        InvoiceView probe = issuedInvoice("10.00", BUYER_SIREN);
        FinancingView probeFinancing = financings.request(probe.id(), null, "test");
        BigDecimal available = probeFinancing.availableBalance();
        financings.cancel(probeFinancing.id(), "test");
        String share = available.multiply(new BigDecimal("0.6"))
                .setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        FinancingView a = financings.request(issuedInvoice(share, BUYER_SIREN).id(), null, "t");
        FinancingView b = financings.request(issuedInvoice(share, BUYER_SIREN).id(), null, "t");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (FinancingView f : java.util.List.of(a, b)) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    financings.confirm(f.id(), null, "race");
                    return "won";
                } catch (ApiProblem e) {
                    return "refused";
                }
            }));
        }
        start.countDown();
        var outcomes = new java.util.ArrayList<String>();
        for (var r : results) {
            outcomes.add(r.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("won", "refused");
        FinancingView winner = status(a.id()) == FinancingStatus.IN_EVALUATION ? a : b;
        FinancingView loser = winner == a ? b : a;
        assertThat(status(loser.id())).isEqualTo(FinancingStatus.REQUESTED);
        assertThat(financings.get(loser.id()).availableBalance()).isNotNegative();

        financings.cancel(loser.id(), "test");
        executeJob(winner, "Task_SubmitToLender");
        if (hasJob(winner, "Event_DecisionPoll")) {
            executeJob(winner, "Event_DecisionPoll");
            executeJob(winner, "Task_ReadLenderDecision");
        }
        executeJob(winner, "Task_SendValidationEmail");
        financings.cancel(winner.id(), "test");
        executeJob(winner, "Task_CancelAtLender");
    }

    @Test
    void aTaskFormCannotActOnAnotherFinancing() {
        FinancingView mine = financings.request(issuedInvoice("210.00", BUYER_SIREN).id(), null,
                "test");
        FinancingView other = financings.request(issuedInvoice("220.00", BUYER_SIREN).id(), null,
                "test");
        var myTask = tasks.createTaskQuery().processInstanceId(mine.processInstanceId())
                .singleResult();

        tasks.complete(myTask.getId(), java.util.Map.of("decision", "cancel",
                "financingId", other.id(), "decidedBy", "ops", "businessGroup", "operators"));

        assertThat(status(mine.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(financings.get(mine.id()).history().get(1).actor()).isEqualTo("tasklist");
        assertThat(status(other.id())).isEqualTo(FinancingStatus.REQUESTED);
        assertThat(instanceOf(other)).isWaitingAt(JourneyModel.TASK_CONFIRM_RECAP);
        financings.cancel(other.id(), "test");
    }

    @Test
    void aWeekendDateInTheRecapFormIsRefusedInFrench() {
        FinancingView f = financings.request(issuedInvoice("230.00", BUYER_SIREN).id(), null,
                "test");
        var task = tasks.createTaskQuery().processInstanceId(f.processInstanceId())
                .singleResult();
        LocalDate saturday = today().plusDays(14);
        while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        String date = saturday.toString();

        assertThatThrownBy(() -> tasks.complete(task.getId(), java.util.Map.of(
                "decision", "confirm", "repaymentDate", date)))
                .hasMessageContaining("jour ouvré");
        assertThat(status(f.id())).isEqualTo(FinancingStatus.REQUESTED);
        financings.cancel(f.id(), "test");
    }

    @Test
    void theJourneyCannotBeStartedAroundItsRequest() {
        FinancingView f = financings.request(issuedInvoice("240.00", BUYER_SIREN).id(), null,
                "test");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(JourneyModel.PROCESS_KEY,
                f.id(), java.util.Map.of("businessGroup", "operators")))
                .hasMessageContaining("POST /api/invoices");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(JourneyModel.PROCESS_KEY))
                .hasMessageContaining("POST /api/invoices");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(f.id())
                .count()).isEqualTo(1);
        financings.cancel(f.id(), "test");
    }
}
