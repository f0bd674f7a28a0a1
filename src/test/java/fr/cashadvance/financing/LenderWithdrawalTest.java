package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderLoanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lender may withdraw a loan before the money leaves: the journey then records the
 * cancellation and ends, instead of failing its job over and over.
 */
class LenderWithdrawalTest extends JourneyTestSupport {

    @Autowired private LenderClient lender;

    @Test
    void aLoanWithdrawnBeforeTheValidationReachesTheLenderEndsCancelled() {
        FinancingView f = toValidate(issuedInvoice("410.00", BUYER_SIREN));
        lender.cancelLoan(f.lenderLoanId());

        financings.validate(f.id(), "test");
        executeJob(f, "Task_ValidateAtLender");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(instanceOf(f)).hasPassed("EndEvent_WithdrawnByLender").isEnded();
    }

    @Test
    void aLoanWithdrawnWhileTheTransferIsAwaitedEndsCancelled() {
        FinancingView f = validated(issuedInvoice("420.00", BUYER_SIREN));
        lender.cancelLoan(f.lenderLoanId());

        executeJob(f, "Event_TransferPoll");
        executeJob(f, "Task_CheckTransfer");

        assertThat(status(f.id())).isEqualTo(FinancingStatus.CANCELLED);
        assertThat(instanceOf(f)).hasPassed("EndEvent_WithdrawnByLender").isEnded();
    }

    @Test
    void aJourneyMovedByHandToTheLenderCancellationCancelsNothing() {
        FinancingView f = toValidate(issuedInvoice("430.00", BUYER_SIREN));
        runtime.createProcessInstanceModification(f.processInstanceId())
                .startBeforeActivity("Task_CancelAtLender").execute(true, true);

        assertThatThrownBy(() -> executeJob(f, "Task_CancelAtLender"))
                .hasMessageContaining("not cancelled");
        assertThat(lender.getLoan(f.lenderLoanId()).status())
                .isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);

        runtime.deleteProcessInstance(f.processInstanceId(), "test: moved by hand");
    }
}
