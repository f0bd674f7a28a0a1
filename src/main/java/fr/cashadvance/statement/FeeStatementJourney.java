package fr.cashadvance.statement;

import java.time.Clock;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The steps of fee-statement.bpmn, referenced as {@code ${feeStatementJourney.step(execution)}}. */
@Component("feeStatementJourney")
public class FeeStatementJourney {

    private final FeeStatementService statements;
    private final Clock clock;

    public FeeStatementJourney(FeeStatementService statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    /** The timer bills the month that just ended; an on-demand start names its month. */
    public void selectBusinesses(DelegateExecution execution) {
        Object given = execution.getVariable("month");
        YearMonth month = given == null ? FeeStatementService.previousMonth(clock)
                : YearMonth.parse(given.toString());
        execution.setVariable("month", month.toString());
        execution.setVariable("businessIds", statements.businessesWithFees(month));
    }

    public void compute(DelegateExecution execution) {
        var s = statements.compute((String) execution.getVariable("businessId"),
                YearMonth.parse((String) execution.getVariable("month")));
        execution.setVariableLocal("statementId", s.getId());
        execution.setVariableLocal("totalOurs", s.getTotalOurs().toPlainString());
    }

    public void reconcile(DelegateExecution execution) {
        String id = (String) execution.getVariable("statementId");
        if (statements.find(id).getStatus() == StatementStatus.SENT) {
            // Already reconciled, booked and sent: a second run of the month changes nothing.
            execution.setVariableLocal("billMatches", true);
            return;
        }
        boolean matches = statements.reconcile(id);
        var s = statements.find(id);
        execution.setVariableLocal("billMatches", matches);
        execution.setVariableLocal("totalLender", s.getTotalLender() == null ? ""
                : s.getTotalLender().toPlainString());
        execution.setVariableLocal("differences", s.getDifferences() == null ? ""
                : s.getDifferences());
    }

    public void book(DelegateExecution execution) {
        statements.book((String) execution.getVariable("statementId"));
    }

    public void send(DelegateExecution execution) {
        statements.send((String) execution.getVariable("statementId"));
    }

    public void reviewed(DelegateExecution execution) {
        statements.reviewed((String) execution.getVariable("statementId"));
    }
}
