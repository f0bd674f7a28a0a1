package fr.cashadvance.financing;

import static fr.cashadvance.financing.JourneyModel.*;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.financing.rules.FeeCalculator;
import fr.cashadvance.financing.rules.RepaymentDatePolicy;
import fr.cashadvance.financing.rules.Violation;
import fr.cashadvance.invoice.FinanceabilityRules;
import fr.cashadvance.invoice.Invoice;
import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderException;
import fr.cashadvance.lender.LenderRejectedException;
import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the business and the platform ask of a financing; each step checks the status first. */
@Service
public class FinancingService {

    private static final Logger log = LoggerFactory.getLogger(FinancingService.class);

    /** Asked for with no repaymentDate on an invoice that has no due date to start from. */
    static final String REPAYMENT_DATE_REQUIRED = "repayment-date.required";

    private final FinancingRepository financings;
    private final FinancingEventRepository events;
    private final InvoiceRepository invoices;
    private final BusinessRepository businesses;
    private final FinancingTransitions transitions;
    private final BalanceService balance;
    private final JourneyVariables variables;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final LenderClient lender;
    private final RepaymentRescheduler rescheduler;
    private final FinancingProperties props;
    private final Clock clock;

    public FinancingService(FinancingRepository financings, FinancingEventRepository events,
                            InvoiceRepository invoices, BusinessRepository businesses,
                            FinancingTransitions transitions, BalanceService balance,
                            JourneyVariables variables, RuntimeService runtime,
                            TaskService tasks, LenderClient lender,
                            RepaymentRescheduler rescheduler, FinancingProperties props,
                            Clock clock) {
        this.financings = financings;
        this.events = events;
        this.invoices = invoices;
        this.businesses = businesses;
        this.transitions = transitions;
        this.balance = balance;
        this.variables = variables;
        this.runtime = runtime;
        this.tasks = tasks;
        this.lender = lender;
        this.rescheduler = rescheduler;
        this.props = props;
        this.clock = clock;
    }

    /** Starts a journey in REQUESTED: the recap waits for the business to confirm it. */
    @Transactional
    public FinancingView request(String invoiceId, LocalDate requestedDate, String actor) {
        Invoice invoice = invoices.lockById(invoiceId)
                .orElseThrow(() -> ApiProblem.notFound("Facture", invoiceId));
        Business business = businesses.lockById(invoice.getBusinessId()).orElseThrow();
        LocalDate today = variables.today();

        boolean alreadyFinanced = financings.findByActiveInvoiceId(invoiceId).isPresent();
        List<Violation> violations = new ArrayList<>(
                FinanceabilityRules.check(invoice, business, alreadyFinanced, today));
        if (!violations.isEmpty()) {
            // A refusal lists everything to fix: a missing date too, not only after the rest.
            if (requestedDate == null && invoice.getDueDate() == null) {
                violations.add(repaymentDateRequired(invoice));
                throw refused(invoice, violations, " It has no due date either: give "
                        + "'repaymentDate' explicitly (YYYY-MM-DD).")
                        .with("field", "repaymentDate");
            }
            throw refused(invoice, violations);
        }
        LocalDate repaymentDate = requestedDate != null ? requestedDate
                : defaultRepaymentDate(invoice, today);
        checkDateAtRequest(repaymentDate, invoice, today);
        BigDecimal amount = invoice.amountOwed();
        checkBalance(business, amount);

        BigDecimal fees = FeeCalculator.fees(amount, business.getFeesDailyRate(), today,
                repaymentDate);
        var financing = new Financing(UUID.randomUUID().toString(), invoiceId, business.getId(),
                amount, invoice.getCurrency(), business.getFeesDailyRate(), repaymentDate, fees,
                Instant.now(clock));
        financings.save(financing);
        transitions.recordRequested(financing, actor);

        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, financing.getId(),
                variables.atStart(financing, invoice, business, balance.available(business)));
        financing.processInstanceId(instance.getId());
        log.info("Financing {} started for invoice {}: {} EUR, repayment {}", financing.getId(),
                invoice.getNumber(), amount, repaymentDate);
        return view(financing);
    }

    /**
     * The business confirms the recap: the invoice is locked and the balance reserved before
     * anything reaches the lender. Used by the API and by the Tasklist form's listener.
     */
    @Transactional
    public void applyConfirmation(String financingId, LocalDate newDate, String actor) {
        Financing f = lock(financingId);
        if (f.getStatus() != FinancingStatus.REQUESTED) {
            throw wrongStatus(f, "confirm");
        }
        Invoice invoice = invoices.lockById(f.getInvoiceId()).orElseThrow();
        Business business = businesses.lockById(f.getBusinessId()).orElseThrow();
        LocalDate today = variables.today();

        List<Violation> violations = FinanceabilityRules.check(invoice, business, false, today);
        if (!violations.isEmpty()) {
            throw refused(invoice, violations);
        }
        if (newDate != null && !newDate.equals(f.getRepaymentDate())) {
            checkDateAtRequest(newDate, invoice, today);
            f.changeRepaymentDate(newDate, FeeCalculator.fees(f.getAmount(), f.getFeesDailyRate(),
                    today, newDate), false);
        } else {
            checkDateAtRequest(f.getRepaymentDate(), invoice, today);
        }
        // This financing is REQUESTED, so it does not count yet: the lock makes the check exact.
        checkBalance(business, f.getAmount());

        invoice.lock(Instant.now(clock));
        f.confirmed(Instant.now(clock));
        transitions.record(f, FinancingStatus.IN_EVALUATION,
                "Récapitulatif confirmé ; facture verrouillée ; demande envoyée au prêteur", actor);
        variables.refreshRecap(f);
    }

    @Transactional
    public FinancingView confirm(String financingId, LocalDate newDate, String actor) {
        applyConfirmation(financingId, newDate, actor);
        completeTask(financingId, TASK_CONFIRM_RECAP, DECISION_CONFIRM);
        return view(find(financingId));
    }

    @Transactional
    public FinancingView validate(String financingId, String actor) {
        Financing f = lock(financingId);
        String deadline = applyValidation(financingId, actor);
        runtime.setVariable(f.getProcessInstanceId(), "transferDeadline", deadline);
        completeTask(financingId, TASK_VALIDATE_LOAN, DECISION_VALIDATE);
        return view(find(financingId));
    }

    @Transactional
    public FinancingView cancel(String financingId, String actor) {
        Financing f = lock(financingId);
        switch (f.getStatus()) {
            case REQUESTED -> {
                applyCancellation(financingId, "Annulé par l'entreprise au récapitulatif", actor);
                completeTask(financingId, TASK_CONFIRM_RECAP, DECISION_CANCEL);
            }
            case TO_VALIDATE -> {
                applyCancellation(financingId, "Prêt refusé par l'entreprise", actor);
                completeTask(financingId, TASK_VALIDATE_LOAN, DECISION_CANCEL);
            }
            // LIMITATION: once VALIDATED the lender allows a cancel, but the money may already be
            // on its way; we leave that to an operator rather than racing the wire.
            default -> throw wrongStatus(f, "cancel");
        }
        return view(find(financingId));
    }

    /**
     * The business validated the loan (API, email link or Tasklist): recorded at once; the
     * lender hears of it in the next async step. Returns the transfer deadline for the timer.
     */
    @Transactional
    public String applyValidation(String financingId, String actor) {
        Financing f = lock(financingId);
        if (f.getStatus() != FinancingStatus.TO_VALIDATE) {
            throw wrongStatus(f, "validate");
        }
        Instant now = Instant.now(clock);
        Instant deadline = now.plus(props.transferWindow());
        f.consumeValidationToken();
        f.validated(now, deadline);
        transitions.record(f, FinancingStatus.VALIDATED,
                "Prêt validé par l'entreprise ; virement attendu sous 48 heures", actor);
        return JourneyVariables.iso(deadline);
    }

    /** The business said no, at the recap or instead of validating. */
    @Transactional
    public void applyCancellation(String financingId, String cause, String actor) {
        Financing f = lock(financingId);
        if (f.getStatus() != FinancingStatus.REQUESTED
                && f.getStatus() != FinancingStatus.TO_VALIDATE) {
            throw wrongStatus(f, "cancel");
        }
        f.consumeValidationToken();
        transitions.record(f, FinancingStatus.CANCELLED, cause, actor);
    }

    /** Moves the repayment date: freely at the recap; after funding, per DOMAIN §7. */
    @Transactional
    public FinancingView changeRepaymentDate(String financingId, LocalDate date, String actor) {
        if (date == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Requête invalide",
                    "Field 'repaymentDate' is required (YYYY-MM-DD).")
                    .with("field", "repaymentDate");
        }
        Financing f = lock(financingId);
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        LocalDate today = variables.today();
        switch (f.getStatus()) {
            case REQUESTED -> {
                checkDateAtRequest(date, invoice, today);
                f.changeRepaymentDate(date, FeeCalculator.fees(f.getAmount(),
                        f.getFeesDailyRate(), today, date), false);
                variables.refreshRecap(f);
            }
            case FUNDED -> moveRepaymentAfterFunding(f, invoice, date, today, actor);
            default -> throw wrongStatus(f, "change the repayment date of");
        }
        return view(f);
    }

    private void moveRepaymentAfterFunding(Financing f, Invoice invoice, LocalDate date,
                                           LocalDate today, String actor) {
        if (!today.isBefore(f.getRepaymentDate())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "repayment-in-progress",
                    "Prélèvement en cours", "The repayment date " + f.getRepaymentDate()
                    + " has been reached; the direct debit is under way.")
                    .with("financingStatus", f.getStatus());
        }
        LocalDate fundedOn = variables.parisDate(f.getFundedAt());
        List<Violation> violations = RepaymentDatePolicy.checkAfterFunding(f.getRepaymentDate(),
                date, f.isRepaymentPostponed(), invoice.getDueDate(), fundedOn, today);
        if (!violations.isEmpty()) {
            throw dateRefused(violations);
        }
        boolean postponement = date.isAfter(f.getRepaymentDate());
        try {
            lender.changeRepaymentDate(f.getLenderLoanId(), date);
        } catch (LenderRejectedException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "lender-refused-date",
                    "Date refusée par le prêteur", "The lender refused the repayment date "
                    + date + ": " + e.getMessage()).with("field", "repaymentDate");
        } catch (LenderException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "lender-unavailable",
                    "Prêteur indisponible", "The lender could not be reached; the repayment "
                    + "date was not changed. Retry later.");
        }
        LocalDate previous = f.getRepaymentDate();
        f.changeRepaymentDate(date, FeeCalculator.fees(f.getAmount(), f.getFeesDailyRate(),
                fundedOn, date), postponement);
        events.save(new FinancingEvent(f.getId(), f.getStatus(), Instant.now(clock),
                "Date de remboursement " + (postponement ? "reportée" : "avancée") + " du "
                        + previous + " au " + date, actor));
        rescheduler.afterCommit(f.getId(), f.getProcessInstanceId(), date);
        log.info("Financing {}: repayment date moved from {} to {}", f.getId(), previous, date);
    }

    @Transactional(readOnly = true)
    public FinancingView get(String financingId) {
        return view(find(financingId));
    }

    @Transactional(readOnly = true)
    public List<FinancingView> forInvoice(String invoiceId) {
        return financings.findByInvoiceIdOrderByRequestedAtDesc(invoiceId).stream()
                .map(this::view).toList();
    }

    public Financing find(String id) {
        return financings.findById(id).orElseThrow(() -> ApiProblem.notFound("Financement", id));
    }

    FinancingView view(Financing f) {
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        Business business = businesses.findById(f.getBusinessId()).orElseThrow();
        var history = events.findByFinancingIdOrderByIdAsc(f.getId()).stream()
                .map(e -> new FinancingView.HistoryEntry(e.getStatus(), e.getStatus().label(),
                        e.getAt(), e.getCause(), e.getActor()))
                .toList();
        return new FinancingView(f.getId(), f.getInvoiceId(), invoice.getNumber(),
                f.getBusinessId(), f.getStatus(), f.getStatus().label(), f.getAmount(),
                f.getCurrency(), f.getRepaymentDate(), f.isRepaymentPostponed(),
                f.getFeesDailyRate(), f.getFeesEstimated(), feesAccrued(f), f.getFeesFinal(),
                business.getCreditLimit(), balance.available(business), f.getLenderLoanId(),
                f.getProcessInstanceId(), f.getRequestedAt(), f.getConfirmedAt(),
                f.getValidatedAt(), f.getTransferDeadline(), f.getFundedAt(), f.getRepaidAt(),
                f.getOutcomeReason(), history);
    }

    /** Fees accrued so far (through today, Paris), or the final fee once repaid. */
    private BigDecimal feesAccrued(Financing f) {
        if (f.getFundedAt() == null) {
            return null;
        }
        if (f.getFeesFinal() != null) {
            return f.getFeesFinal();
        }
        var period = new fr.cashadvance.accounting.fees.FeeAccrual.LoanPeriod(f.getId(),
                f.getAmount(), f.getFeesDailyRate(), variables.parisDate(f.getFundedAt()),
                f.getRepaidAt() == null ? null : variables.parisDate(f.getRepaidAt()));
        return fr.cashadvance.accounting.fees.FeeAccrual.accruedBefore(period,
                variables.today().plusDays(1));
    }

    private Financing lock(String id) {
        return financings.lockById(id).orElseThrow(() -> ApiProblem.notFound("Financement", id));
    }

    private void completeTask(String financingId, String taskKey, String decision) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(financingId)
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "step-not-ready", "Étape pas encore prête",
                    "Financing " + financingId + " is not waiting at " + taskKey
                    + " yet; retry in a moment.");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", decision);
        tasks.complete(task.getId(), vars);
    }

    private LocalDate defaultRepaymentDate(Invoice invoice, LocalDate today) {
        if (invoice.getDueDate() == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-required",
                    "Date de remboursement requise", "Invoice " + invoice.getNumber()
                    + " has no due date: give 'repaymentDate' explicitly (YYYY-MM-DD, a TARGET "
                    + "business day at least 3 business days from today).")
                    .with("field", "repaymentDate")
                    .with("violations", List.of(repaymentDateRequired(invoice)));
        }
        return RepaymentDatePolicy.defaultDate(invoice.getDueDate(), today);
    }

    private static Violation repaymentDateRequired(Invoice invoice) {
        return new Violation(REPAYMENT_DATE_REQUIRED, "La facture " + invoice.getNumber()
                + " n'a pas d'échéance : indiquez la date de remboursement souhaitée "
                + "(repaymentDate, un jour ouvré TARGET au moins 3 jours ouvrés après "
                + "aujourd'hui).");
    }

    private void checkDateAtRequest(LocalDate date, Invoice invoice, LocalDate today) {
        List<Violation> violations =
                RepaymentDatePolicy.checkAtRequest(date, invoice.getDueDate(), today);
        if (!violations.isEmpty()) {
            throw dateRefused(violations);
        }
    }

    private void checkBalance(Business business, BigDecimal amount) {
        BigDecimal available = balance.available(business);
        if (amount.compareTo(available) > 0) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "balance-insufficient",
                    "Solde disponible insuffisant", "The amount " + amount + " EUR exceeds the "
                    + "available balance of " + available + " EUR (limit "
                    + business.getCreditLimit() + " EUR).")
                    .with("rule", "balance.insufficient")
                    .with("availableBalance", available);
        }
    }

    private static ApiProblem refused(Invoice invoice, List<Violation> violations) {
        return refused(invoice, violations, "");
    }

    private static ApiProblem refused(Invoice invoice, List<Violation> violations,
                                      String more) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invoice-not-financeable",
                "Facture non finançable", "Invoice " + invoice.getNumber() + " cannot be "
                + "financed: " + violations.stream().map(Violation::rule).toList() + "." + more)
                .with("violations", violations);
    }

    private static ApiProblem dateRefused(List<Violation> violations) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-refused",
                "Date de remboursement refusée", "The repayment date breaks: "
                + violations.stream().map(Violation::rule).toList() + ".")
                .with("field", "repaymentDate").with("violations", violations);
    }

    static ApiProblem wrongStatus(Financing f, String step) {
        return new ApiProblem(HttpStatus.CONFLICT, "wrong-status", "Étape impossible",
                "Cannot " + step + " financing " + f.getId() + " in status " + f.getStatus()
                + " (" + f.getStatus().label() + ").").with("financingStatus", f.getStatus());
    }
}
