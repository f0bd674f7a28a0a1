package fr.cashadvance.financing;

import static fr.cashadvance.financing.JourneyModel.*;

import fr.cashadvance.accounting.AccountingService;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.common.Money;
import fr.cashadvance.financing.rules.FeeCalculator;
import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.invoice.Invoice;
import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderLoan;
import fr.cashadvance.lender.LenderLoanStatus;
import fr.cashadvance.lender.LenderRejectedException;
import fr.cashadvance.lender.NewLoan;
import fr.cashadvance.mail.Mailer;
import fr.cashadvance.mail.ValidationEmail;
import fr.cashadvance.mail.ValidationEmailContent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the invoice-financing process runs, referenced from the BPMN as
 * {@code ${financingJourney.step(execution)}}. Each reads the financing id, does one thing, and
 * writes back what the next gateway needs. Lender calls run in their own async job, so a retry
 * repeats only that call, and every call is safe to repeat.
 */
@Component("financingJourney")
public class FinancingJourney {

    private static final Logger log = LoggerFactory.getLogger(FinancingJourney.class);

    private static final String LENDER = "prêteur";
    private static final String SYSTEM = "système";

    private static final Set<LenderLoanStatus> WITHDRAWN =
            EnumSet.of(LenderLoanStatus.CANCELED, LenderLoanStatus.DELETED,
                    LenderLoanStatus.DECLINED);

    private final FinancingRepository financings;
    private final InvoiceRepository invoices;
    private final BusinessRepository businesses;
    private final FinancingTransitions transitions;
    private final FinancingService service;
    private final JourneyVariables variables;
    private final FinancingProperties props;
    private final LenderClient lender;
    private final AccountingService accounting;
    private final Mailer mailer;
    private final ValidationEmail validationEmail;
    private final PublicLinks links;
    private final ValidationLinks validationLinks;
    private final IdentityService identity;
    private final Clock clock;

    public FinancingJourney(FinancingRepository financings, InvoiceRepository invoices,
                            BusinessRepository businesses, FinancingTransitions transitions,
                            FinancingService service, JourneyVariables variables,
                            FinancingProperties props, LenderClient lender,
                            AccountingService accounting, Mailer mailer,
                            ValidationEmail validationEmail, PublicLinks links,
                            ValidationLinks validationLinks, IdentityService identity,
                            Clock clock) {
        this.financings = financings;
        this.invoices = invoices;
        this.businesses = businesses;
        this.transitions = transitions;
        this.service = service;
        this.variables = variables;
        this.props = props;
        this.lender = lender;
        this.accounting = accounting;
        this.mailer = mailer;
        this.validationEmail = validationEmail;
        this.links = links;
        this.validationLinks = validationLinks;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Recap task completed. From the API the decision was applied already; from Tasklist it is
     * applied here, for the financing the process belongs to (its business key: a form cannot
     * change it), by the logged-in user. Variables a form could overwrite are put back.
     */
    @Transactional
    public void onRecapCompleted(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        String decision = (String) task.getVariable("decision");
        String actor = actorOf();
        if (!DECISION_CANCEL.equals(decision) && !DECISION_CONFIRM.equals(decision)) {
            throw new IllegalArgumentException("Choisissez « Confirmer » ou « Annuler ».");
        }
        if (financing(id).getStatus() == FinancingStatus.REQUESTED) {
            try {
                if (DECISION_CANCEL.equals(decision)) {
                    service.applyCancellation(id, "Annulé par l'entreprise au récapitulatif",
                            actor);
                } else {
                    service.applyConfirmation(id, dateFrom(task.getVariable("repaymentDate")),
                            actor);
                }
            } catch (fr.cashadvance.web.ApiProblem refused) {
                // LIMITATION: Tasklist shows this French text inside the engine's own error
                // wrapper ("Cannot submit task form … ENGINE-03051 …").
                throw new IllegalArgumentException(refused.forPeople());
            }
        }
        Financing f = financing(id);
        variables.restoreProtected(task.getExecution(), f,
                businesses.findById(f.getBusinessId()).orElseThrow().camundaGroup());
    }

    /**
     * A journey starts only from its financing's request: a start through the engine (Tasklist,
     * REST) for a financing that already has its journey, or for none, is refused.
     */
    public void checkStart(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        var f = id == null ? null : financings.findById(id).orElse(null);
        if (f == null || f.getProcessInstanceId() != null
                || f.getStatus() != FinancingStatus.REQUESTED) {
            throw new IllegalStateException("Une avance se demande depuis la facture "
                    + "(POST /api/invoices/{id}/financings), pas en démarrant le processus.");
        }
    }

    @Transactional
    public void expireRecap(DelegateExecution execution) {
        Financing f = financing(execution);
        if (f.getStatus() == FinancingStatus.REQUESTED) {
            transitions.record(f, FinancingStatus.CANCELLED,
                    "Récapitulatif non confirmé dans le délai", SYSTEM);
        }
    }

    /** POST /loans with the financing's salt: a retry returns the same loan, never a second. */
    @Transactional
    public void submitToLender(DelegateExecution execution) {
        Financing f = financing(execution);
        if (f.getStatus() != FinancingStatus.IN_EVALUATION) {
            execution.setVariable("loanDecision", decisionFor(f.getStatus()));
            return;
        }
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        Business business = businesses.findById(f.getBusinessId()).orElseThrow();
        LenderLoan loan;
        try {
            loan = lender.createLoan(new NewLoan(Money.toCents(f.getAmount()), f.getCurrency(),
                    new NewLoan.Borrower(business.getSiren(), "siren"),
                    new NewLoan.LoanTo(business.getIban(), business.getName()),
                    variables.today(), f.getRepaymentDate(), List.of(invoice.getNumber()),
                    f.getSaltId(), false, false, invoice.getBuyerSiren()));
        } catch (LenderRejectedException e) {
            transitions.record(f, FinancingStatus.DECLINED,
                    "Demande refusée par le prêteur à l'envoi : " + e.getMessage(), LENDER);
            f.outcomeReason(e.getMessage());
            execution.setVariable("loanDecision", "DECLINED");
            return;
        }
        f.lenderLoanId(loan.id());
        log.info("Financing {} submitted to the lender as loan {} ({})", f.getId(), loan.id(),
                loan.status());
        applyDecision(f, loan, execution);
    }

    /** Reads the loan, whether a webhook or the poll timer woke us: the webhook is a hint. */
    @Transactional
    public void readLenderDecision(DelegateExecution execution) {
        Financing f = financing(execution);
        if (f.getStatus() != FinancingStatus.IN_EVALUATION) {
            execution.setVariable("loanDecision", decisionFor(f.getStatus()));
            return;
        }
        applyDecision(f, lender.getLoan(f.getLenderLoanId()), execution);
    }

    /** The journey moved on without this step (e.g. cancelled): say where the gateway goes. */
    private static String decisionFor(FinancingStatus status) {
        return switch (status) {
            case TO_VALIDATE -> "TO_VALIDATE";
            case DECLINED -> "DECLINED";
            default -> "CLOSED";
        };
    }

    private void applyDecision(Financing f, LenderLoan loan, DelegateExecution execution) {
        String decision;
        if (loan.status() == LenderLoanStatus.DECLINED || WITHDRAWN.contains(loan.status())) {
            String reason = loan.denialReason() == null ? "aucun motif communiqué"
                    : loan.denialReason();
            f.outcomeReason(reason);
            transitions.record(f, FinancingStatus.DECLINED, "Refusé par le prêteur : " + reason,
                    LENDER);
            decision = "DECLINED";
        } else if (loan.status() == LenderLoanStatus.SUBMITTED
                || loan.status() == LenderLoanStatus.PENDING_VALIDATION) {
            decision = "PENDING";
        } else {
            Instant deadline = Instant.now(clock).plus(props.validationWindow());
            transitions.record(f, FinancingStatus.TO_VALIDATE,
                    "Accepté par le prêteur ; validation demandée par email", LENDER);
            execution.setVariable("validationDeadline", JourneyVariables.iso(deadline));
            decision = "TO_VALIDATE";
        }
        execution.setVariable("loanDecision", decision);
    }

    /**
     * Sends the validation email with a fresh signed, single-use link for this financing's
     * "Valider le prêt" task.
     * LIMITATION: a retry of this job after the mail left sends a second email whose link
     * replaces the first one (the first then reads "Lien déjà utilisé"); SMTP offers no
     * idempotency key.
     */
    @Transactional
    public void sendValidationEmail(DelegateExecution execution) {
        Financing f = financing(execution);
        if (f.getStatus() != FinancingStatus.TO_VALIDATE) {
            return;
        }
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        Business business = businesses.findById(f.getBusinessId()).orElseThrow();
        // The link dies with the deadline: after it, the expiry timer has cancelled the request.
        Instant expires = java.time.OffsetDateTime
                .parse((String) execution.getVariable("validationDeadline")).toInstant();
        String token = validationLinks.issue(f, expires);
        var content = new ValidationEmailContent(business.getName(), invoice.getNumber(),
                invoice.getBuyerName(), f.getAmount(), f.getFeesEstimated(),
                f.getFeesDailyRate().movePointRight(2), f.getRepaymentDate(),
                expires.atZone(JourneyVariables.PARIS).toOffsetDateTime(),
                links.validationPage(token), links.validationPage(token) + "&action=cancel",
                Iban.mask(business.getIban()));
        mailer.send(validationEmail.render(business.getRepresentativeEmail(), content)
                .forBusiness(business.getId()));
        log.info("Financing {}: validation email sent for invoice {}", f.getId(),
                invoice.getNumber());
    }

    /** "Valider le prêt" completed: as for the recap, the decision is recorded at once. */
    @Transactional
    public void onValidationCompleted(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        String decision = (String) task.getVariable("decision");
        if (!DECISION_CANCEL.equals(decision) && !DECISION_VALIDATE.equals(decision)) {
            throw new IllegalArgumentException("Choisissez « Valider » ou « Annuler ».");
        }
        if (financing(id).getStatus() == FinancingStatus.TO_VALIDATE) {
            if (DECISION_CANCEL.equals(decision)) {
                service.applyCancellation(id, "Prêt refusé par l'entreprise", actorOf());
            } else {
                service.applyValidation(id, actorOf());
            }
        }
        Financing f = financing(id);
        variables.restoreProtected(task.getExecution(), f,
                businesses.findById(f.getBusinessId()).orElseThrow().camundaGroup());
    }

    @Transactional
    public void expireValidation(DelegateExecution execution) {
        Financing f = financing(execution);
        f.consumeValidationToken();
        if (f.getStatus() == FinancingStatus.TO_VALIDATE) {
            transitions.record(f, FinancingStatus.CANCELLED,
                    "Prêt non validé dans le délai", SYSTEM);
        }
    }

    /**
     * Confirms to the lender; reading first makes a retried call harmless. A loan the lender
     * withdrew is a BPMN error, which must not roll back the engine's transaction with it.
     */
    @Transactional(noRollbackFor = BpmnError.class)
    public void validateAtLender(DelegateExecution execution) {
        Financing f = financing(execution);
        // Only the business's own validation (Tasklist, email link, API) reaches this step;
        // an instance moved here by hand must not commit the business to the loan.
        if (f.getStatus() != FinancingStatus.VALIDATED) {
            throw new IllegalStateException("Financing " + f.getId() + " is " + f.getStatus()
                    + ": the business has not validated the loan; nothing sent to the lender");
        }
        LenderLoan loan = lender.getLoan(f.getLenderLoanId());
        if (loan.status() == LenderLoanStatus.TO_VALIDATE) {
            loan = lender.validateLoan(f.getLenderLoanId());
        }
        if (WITHDRAWN.contains(loan.status())) {
            throw new BpmnError("LOAN_WITHDRAWN", "Loan " + loan.id() + " is " + loan.status());
        }
        log.info("Financing {}: loan {} validated at the lender ({})", f.getId(), loan.id(),
                loan.status());
    }

    /** Cancels at the lender when the business said no or let the deadline pass. */
    @Transactional
    public void cancelAtLender(DelegateExecution execution) {
        Financing f = financing(execution);
        // Both ways here record the cancellation first; an instance moved here by hand must
        // not cancel a loan the business still wants.
        if (f.getStatus() != FinancingStatus.CANCELLED) {
            throw new IllegalStateException("Financing " + f.getId() + " is " + f.getStatus()
                    + ": not cancelled; nothing sent to the lender");
        }
        if (f.getLenderLoanId() == null) {
            return;
        }
        LenderLoan loan = lender.getLoan(f.getLenderLoanId());
        if (loan.status() == LenderLoanStatus.TO_VALIDATE
                || loan.status() == LenderLoanStatus.VALIDATED
                || loan.status() == LenderLoanStatus.SCHEDULED) {
            lender.cancelLoan(f.getLenderLoanId());
            log.info("Financing {}: loan {} cancelled at the lender", f.getId(), loan.id());
        }
    }

    /** Has the money arrived? Sets transferReceived, which also closes any late-transfer task. */
    @Transactional(noRollbackFor = BpmnError.class)
    public void checkTransfer(DelegateExecution execution) {
        Financing f = financing(execution);
        LenderLoan loan = lender.getLoan(f.getLenderLoanId());
        if (loan.paidAt() != null) {
            if (f.getStatus() == FinancingStatus.VALIDATED
                    || f.getStatus() == FinancingStatus.TRANSFER_LATE) {
                transitions.record(f, FinancingStatus.FUNDED,
                        "Virement reçu du prêteur", LENDER);
                // Fees run from the wire itself, not from when we noticed it.
                f.funded(loan.paidAt());
            }
            execution.setVariable("transferOutcome", "FUNDED");
            execution.setVariable("transferReceived", true);
        } else if (WITHDRAWN.contains(loan.status())) {
            throw new BpmnError("LOAN_WITHDRAWN", "Loan " + loan.id() + " is " + loan.status());
        } else {
            execution.setVariable("transferOutcome", "WAITING");
        }
    }

    @Transactional
    public void markTransferLate(DelegateExecution execution) {
        Financing f = financing(execution);
        if (f.getStatus() == FinancingStatus.VALIDATED) {
            transitions.record(f, FinancingStatus.TRANSFER_LATE,
                    "Aucun virement 48 heures après la validation ; un opérateur relance", SYSTEM);
        }
    }

    @Transactional
    public void markWithdrawn(DelegateExecution execution) {
        Financing f = financing(execution);
        if (FinancingTransitions.allowed(f.getStatus(), FinancingStatus.CANCELLED)) {
            transitions.record(f, FinancingStatus.CANCELLED,
                    "Prêt annulé par le prêteur avant le virement", LENDER);
        }
    }

    @Transactional
    public void bookAdvance(DelegateExecution execution) {
        Financing f = financing(execution);
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        accounting.bookAdvanceReceived(new AccountingService.Subject(f.getBusinessId(), f.getId(),
                f.getInvoiceId(), invoice.getNumber(), f.getAmount(),
                variables.parisDate(f.getFundedAt())));
    }

    /** Reads the debit's outcome: when our timer fires, or when the lender hints at a change. */
    @Transactional
    public void checkRepayment(DelegateExecution execution) {
        Financing f = financing(execution);
        LenderLoan loan = lender.getLoan(f.getLenderLoanId());
        String outcome;
        if (loan.repaidAt() != null || loan.status() == LenderLoanStatus.CLOSED
                || loan.status() == LenderLoanStatus.TO_REPAY_FEES) {
            Instant repaidAt = loan.repaidAt() != null ? loan.repaidAt() : Instant.now(clock);
            LocalDate fundedOn = variables.parisDate(f.getFundedAt());
            LocalDate repaidOn = variables.parisDate(repaidAt);
            f.repaid(repaidAt, FeeCalculator.fees(f.getAmount(), f.getFeesDailyRate(), fundedOn,
                    repaidOn));
            transitions.record(f, FinancingStatus.REPAID,
                    "Prélèvement du montant avancé réussi", LENDER);
            outcome = "REPAID";
        } else if (loan.repaymentFailedAt() != null
                || loan.status() == LenderLoanStatus.ISSUE_DETECTED) {
            if (f.getStatus() == FinancingStatus.FUNDED) {
                transitions.record(f, FinancingStatus.REPAYMENT_FAILED,
                        "Prélèvement rejeté ; remboursement par virement à organiser", LENDER);
            }
            outcome = "FAILED";
        } else {
            boolean due = !variables.today().isBefore(f.getRepaymentDate());
            outcome = due ? "PENDING_DUE" : "PENDING";
        }
        execution.setVariable("repaymentOutcome", outcome);
        // Re-arm from the committed date, in case a move's timer update was lost.
        execution.setVariable("repaymentDate", f.getRepaymentDate().toString());
        execution.setVariable("repaymentDueAt", variables.repaymentDueAt(f.getRepaymentDate()));
    }

    @Transactional
    public void bookRepayment(DelegateExecution execution) {
        Financing f = financing(execution);
        Invoice invoice = invoices.findById(f.getInvoiceId()).orElseThrow();
        accounting.bookAdvanceRepaid(new AccountingService.Subject(f.getBusinessId(), f.getId(),
                f.getInvoiceId(), invoice.getNumber(), f.getAmount(),
                variables.parisDate(f.getRepaidAt())));
    }

    private Financing financing(DelegateExecution execution) {
        return financing(execution.getProcessBusinessKey());
    }

    private Financing financing(String id) {
        return financings.lockById(id).orElseThrow(
                () -> new IllegalStateException("No financing " + id));
    }

    private static LocalDate dateFrom(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, 10));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Date de remboursement illisible : « " + value
                    + " » (attendu AAAA-MM-JJ).");
        }
    }

    private String actorOf() {
        var auth = identity.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : "tasklist";
    }
}
