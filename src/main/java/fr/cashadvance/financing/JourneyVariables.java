package fr.cashadvance.financing;

import fr.cashadvance.business.Business;
import fr.cashadvance.common.Money;
import fr.cashadvance.invoice.Invoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The few variables the process holds: ids, display labels for the forms, and the due dates of
 * its timers as ISO instants with their offset (a timer reads a bare date-time in the JVM zone).
 */
@Component
public class JourneyVariables {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RuntimeService runtime;
    private final FinancingProperties props;
    private final Clock clock;

    public JourneyVariables(RuntimeService runtime, FinancingProperties props, Clock clock) {
        this.runtime = runtime;
        this.props = props;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    public LocalDate parisDate(Instant instant) {
        return instant == null ? today() : instant.atZone(PARIS).toLocalDate();
    }

    public static String iso(Instant instant) {
        return instant.atZone(PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The repayment timer fires on the chosen Paris date at a fixed local time. */
    public String repaymentDueAt(LocalDate date) {
        OffsetDateTime at = date.atTime(props.repaymentCheckTime()).atZone(PARIS)
                .toOffsetDateTime();
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Map<String, Object> atStart(Financing f, Invoice invoice, Business business,
                                BigDecimal available) {
        Map<String, Object> v = new HashMap<>();
        v.put("financingId", f.getId());
        v.put("businessGroup", business.camundaGroup());
        v.put("operatorsGroup", JourneyModel.OPERATORS_GROUP);
        v.put("invoiceNumber", invoice.getNumber());
        v.put("buyerName", invoice.getBuyerName());
        v.put("amountLabel", Money.formatFr(f.getAmount()));
        v.put("creditLimitLabel", Money.formatFr(business.getCreditLimit()));
        v.put("availableBalanceLabel", Money.formatFr(available));
        v.put("dailyRateLabel", dailyRateLabel(f));
        v.put("repaymentDate", f.getRepaymentDate().toString());
        v.put("feesEstimatedLabel", Money.formatFr(f.getFeesEstimated()));
        v.put("repaymentDueAt", repaymentDueAt(f.getRepaymentDate()));
        v.put("recapExpiresAt", iso(f.getRequestedAt().plus(props.recapValidity())));
        v.put("lenderPollInterval", props.lenderPollInterval().toString());
        v.put("debitPollInterval", props.debitPollInterval().toString());
        v.put("transferReceived", false);
        return v;
    }

    void refreshRecap(Financing f) {
        if (f.getProcessInstanceId() == null) {
            return;
        }
        runtime.setVariable(f.getProcessInstanceId(), "repaymentDate",
                f.getRepaymentDate().toString());
        runtime.setVariable(f.getProcessInstanceId(), "feesEstimatedLabel",
                Money.formatFr(f.getFeesEstimated()));
        runtime.setVariable(f.getProcessInstanceId(), "repaymentDueAt",
                repaymentDueAt(f.getRepaymentDate()));
    }

    /**
     * Puts back the variables the journey relies on, from the database: a user completing a
     * task may send any variable, and none of these is theirs to set.
     */
    void restoreProtected(org.camunda.bpm.engine.delegate.DelegateExecution e, Financing f,
                          String businessGroup) {
        e.setVariable("financingId", f.getId());
        e.setVariable("businessGroup", businessGroup);
        e.setVariable("operatorsGroup", JourneyModel.OPERATORS_GROUP);
        e.setVariable("repaymentDate", f.getRepaymentDate().toString());
        // What the next form shows of the loan comes from the financing, not from a submit.
        e.setVariable("amountLabel", Money.formatFr(f.getAmount()));
        e.setVariable("feesEstimatedLabel", Money.formatFr(f.getFeesEstimated()));
        e.setVariable("dailyRateLabel", dailyRateLabel(f));
        e.setVariable("repaymentDueAt", repaymentDueAt(f.getRepaymentDate()));
        e.setVariable("recapExpiresAt", iso(f.getRequestedAt().plus(props.recapValidity())));
        e.setVariable("lenderPollInterval", props.lenderPollInterval().toString());
        e.setVariable("debitPollInterval", props.debitPollInterval().toString());
        e.setVariable("transferReceived", false);
        if (f.getTransferDeadline() != null) {
            e.setVariable("transferDeadline", iso(f.getTransferDeadline()));
        }
        if (f.getValidationTokenExpiresAt() != null) {
            e.setVariable("validationDeadline", iso(f.getValidationTokenExpiresAt()));
        }
    }

    private static String dailyRateLabel(Financing f) {
        return f.getFeesDailyRate().movePointRight(2).stripTrailingZeros().toPlainString()
                .replace('.', ',') + " % par jour";
    }
}
