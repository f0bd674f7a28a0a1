package fr.cashadvance.financing;

/** Ids the code shares with processes/invoice-financing.bpmn. */
public final class JourneyModel {

    public static final String PROCESS_KEY = "invoice-financing";
    public static final String TASK_CONFIRM_RECAP = "UserTask_ConfirmRecap";
    public static final String TASK_VALIDATE_LOAN = "UserTask_ValidateLoan";
    public static final String MESSAGE_LOAN_UPDATED = "LenderLoanUpdated";
    public static final String MESSAGE_REPAYMENT_DATE_CHANGED = "RepaymentDateChanged";
    public static final String OPERATORS_GROUP = "operators";

    public static final String DECISION_CONFIRM = "confirm";
    public static final String DECISION_VALIDATE = "validate";
    public static final String DECISION_CANCEL = "cancel";

    private JourneyModel() {
    }
}
