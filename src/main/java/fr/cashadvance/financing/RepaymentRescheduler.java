package fr.cashadvance.financing;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the repayment timer after the new date is committed. The engine work runs in its own
 * transaction so that a lender webhook waking the same journey at that moment cannot undo a date
 * the lender has already accepted. If it still fails, nothing is lost: every time the journey
 * reads the debit it re-arms its timer from the committed date.
 */
@Component
class RepaymentRescheduler {

    private static final Logger log = LoggerFactory.getLogger(RepaymentRescheduler.class);
    private static final int ATTEMPTS = 3;

    private final RuntimeService runtime;
    private final JourneyVariables variables;
    private final TransactionTemplate newTransaction;

    RepaymentRescheduler(RuntimeService runtime, JourneyVariables variables,
                         PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.variables = variables;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void afterCommit(String financingId, String processInstanceId, java.time.LocalDate date) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reschedule(financingId, processInstanceId, date);
            }
        });
    }

    void reschedule(String financingId, String processInstanceId, java.time.LocalDate date) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                newTransaction.executeWithoutResult(status -> {
                    runtime.setVariable(processInstanceId, "repaymentDate", date.toString());
                    runtime.setVariable(processInstanceId, "repaymentDueAt",
                            variables.repaymentDueAt(date));
                    runtime.createMessageCorrelation(
                                    JourneyModel.MESSAGE_REPAYMENT_DATE_CHANGED)
                            .processInstanceId(processInstanceId)
                            .correlateAllWithResult();
                });
                return;
            } catch (ProcessEngineException | org.springframework.dao.DataAccessException e) {
                log.info("Financing {}: repayment timer not moved yet (attempt {}): {}",
                        financingId, attempt, e.getMessage());
            }
        }
        log.warn("Financing {}: repayment timer left as it was; the journey re-arms it from the "
                + "committed date at its next read", financingId);
    }
}
