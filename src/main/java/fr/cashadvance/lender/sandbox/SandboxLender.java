package fr.cashadvance.lender.sandbox;

import static fr.cashadvance.lender.LenderLoanStatus.INITIATED;
import static fr.cashadvance.lender.LenderLoanStatus.ISSUE_DETECTED;
import static fr.cashadvance.lender.LenderLoanStatus.PENDING_VALIDATION;
import static fr.cashadvance.lender.LenderLoanStatus.SCHEDULED;
import static fr.cashadvance.lender.LenderLoanStatus.SUBMITTED;
import static fr.cashadvance.lender.LenderLoanStatus.TO_REPAY;
import static fr.cashadvance.lender.LenderLoanStatus.TO_VALIDATE;
import static fr.cashadvance.lender.LenderLoanStatus.VALIDATED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.identifiers.Siret;
import fr.cashadvance.lender.LenderLoanStatus;
import fr.cashadvance.lender.LenderWebhookEvent;
import fr.cashadvance.lender.sandbox.SandboxApi.BorrowerRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.Creation;
import fr.cashadvance.lender.sandbox.SandboxApi.CreditLine;
import fr.cashadvance.lender.sandbox.SandboxApi.Loan;
import fr.cashadvance.lender.sandbox.SandboxApi.LoanRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.RegisteredBorrower;
import fr.cashadvance.lender.sandbox.SandboxApi.Registration;
import fr.cashadvance.lender.sandbox.SandboxCreditPolicy.Decision;
import fr.cashadvance.lender.sandbox.SandboxCreditPolicy.Movement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox lender's behaviour: borrowers, eligibility, evaluation, validation, wire, debit,
 * credit lines, clock and webhooks. Every change and the webhooks describing it are committed
 * together; the webhooks are sent after the commit by {@link SandboxWebhookDispatcher}.
 *
 * <p>Work falls due in sandbox time and is processed, oldest first, before each request is
 * served, when the clock is advanced, and on each tick.
 */
// LIMITATION: one JVM-wide lock serialises the sandbox: simple and race-free for one instance,
// no throughput to speak of, and no protection across several instances beyond @Version.
// LIMITATION: fees are billed by monthly statement (GET /bills) but never debited: the sandbox
// never uses TO_REPAY_FEES; a loan in ISSUE_DETECTED stays there (no endpoint settles it by
// transfer). Statement adjustments (a test control) live in memory and vanish on restart.
// LIMITATION: a borrower's credit limit is computed when it registers (or re-registers), not
// again when the sandbox clock moves into a new month; blocking a borrower stops new loans
// only: loans already accepted go on as usual.
@Service
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
public class SandboxLender {

    static final Set<LenderLoanStatus> PENDING_VALIDATION_STATUSES =
            EnumSet.of(SUBMITTED, PENDING_VALIDATION, TO_VALIDATE);
    static final Set<LenderLoanStatus> OUTSTANDING_STATUSES =
            EnumSet.of(VALIDATED, SCHEDULED, INITIATED, TO_REPAY, ISSUE_DETECTED);
    /** Loans already accepted: a loan awaiting its own decision does not block another one. */
    static final Set<LenderLoanStatus> COMMITTED_STATUSES =
            EnumSet.of(PENDING_VALIDATION, TO_VALIDATE, VALIDATED, SCHEDULED, INITIATED, TO_REPAY,
                    ISSUE_DETECTED);
    static final Set<LenderLoanStatus> CANCELABLE = EnumSet.of(TO_VALIDATE, VALIDATED, SCHEDULED);
    static final Set<LenderLoanStatus> REPAYMENT_DATE_CHANGEABLE =
            EnumSet.of(SUBMITTED, PENDING_VALIDATION, TO_VALIDATE, VALIDATED, SCHEDULED, TO_REPAY);
    static final Duration MAX_CLOCK_ADVANCE = Duration.ofDays(400);

    private static final Logger log = LoggerFactory.getLogger(SandboxLender.class);
    private static final int MAX_STEPS_PER_PASS = 10_000;

    private final SandboxLoanRepository loans;
    private final SandboxCreditLineRepository creditLines;
    private final SandboxBorrowerRepository borrowers;
    private final SandboxClockRepository clockStates;
    private final SandboxClock clock;
    private final SandboxWebhookRepository webhooks;
    private final SandboxWebhookDispatcher dispatcher;
    private final SandboxLenderProperties properties;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate tx;
    private final ReentrantLock lock = new ReentrantLock();
    /** Cents added to a loan's statement line, by loan id and month ("id|YYYY-MM"). */
    private final Map<String, Long> billAdjustments = new ConcurrentHashMap<>();

    SandboxLender(SandboxLoanRepository loans, SandboxCreditLineRepository creditLines,
                  SandboxBorrowerRepository borrowers,
                  SandboxClockRepository clockStates, SandboxClock clock,
                  SandboxWebhookRepository webhooks, SandboxWebhookDispatcher dispatcher,
                  SandboxLenderProperties properties, ObjectMapper objectMapper,
                  PlatformTransactionManager transactionManager) {
        this.loans = loans;
        this.creditLines = creditLines;
        this.borrowers = borrowers;
        this.clockStates = clockStates;
        this.clock = clock;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.tx = new TransactionTemplate(transactionManager);
    }

    // ---- requests -------------------------------------------------------------------------

    Creation createLoan(LoanRequest request) {
        checkNewLoan(request, SandboxSchedule.today(clock.now()));
        try {
            return serialized(now -> {
                var existing = loans.findBySaltId(request.saltId());
                if (existing.isPresent()) {
                    return new Creation(Loan.of(existing.get(), now), false);
                }
                String siren = SandboxScenarios.sirenOf(request.borrower().identifier());
                creditLine(siren, now);
                SandboxLoan loan = SandboxLoan.submitted(request, siren,
                        properties.feesDailyRate(), now, now.plus(properties.evaluationDelay()));
                loans.save(loan);
                log.info("Sandbox lender: loan {} submitted for salt {}, {} cents", loan.getId(),
                        loan.getSaltId(), loan.getAmount());
                loanEvent(loan, now);
                balanceEvent(siren, now);
                return new Creation(Loan.of(loan, now), true);
            });
        } catch (DataIntegrityViolationException sameSaltMeanwhile) {
            // Another instance stored this salt first: answer with its loan, as a replay would.
            return serialized(now -> loans.findBySaltId(request.saltId())
                    .map(loan -> new Creation(Loan.of(loan, now), false))
                    .orElseThrow(() -> sameSaltMeanwhile));
        }
    }

    Loan loan(String loanId) {
        return serialized(now -> Loan.of(find(loanId), now));
    }

    List<Loan> loans() {
        return serialized(now -> loans.findAllByOrderByCreatedAtDesc().stream()
                .map(loan -> Loan.of(loan, now))
                .toList());
    }

    Loan validate(String loanId) {
        return serialized(now -> {
            SandboxLoan loan = find(loanId);
            if (loan.getStatus() != TO_VALIDATE) {
                throw SandboxProblem.conflict("Le prêt " + loanId + " est au statut "
                        + loan.getStatus() + " : la validation n'est possible qu'au statut "
                        + "TO_VALIDATE.");
            }
            validate(loan, now);
            return Loan.of(loan, now);
        });
    }

    Loan cancel(String loanId) {
        return serialized(now -> {
            SandboxLoan loan = find(loanId);
            if (!CANCELABLE.contains(loan.getStatus())) {
                throw SandboxProblem.conflict("Le prêt " + loanId + " est au statut "
                        + loan.getStatus() + " : l'annulation n'est possible qu'aux statuts "
                        + "TO_VALIDATE, VALIDATED ou SCHEDULED.");
            }
            loan.cancel(now);
            log.info("Sandbox lender: loan {} cancelled", loanId);
            loanEvent(loan, now);
            balanceEvent(loan.getBorrowerSiren(), now);
            return Loan.of(loan, now);
        });
    }

    Loan changeRepaymentDate(String loanId, LocalDate toRepayAt) {
        if (toRepayAt == null) {
            throw SandboxProblem.badRequest("Le champ to_repay_at (AAAA-MM-JJ) est obligatoire.");
        }
        return serialized(now -> {
            SandboxLoan loan = find(loanId);
            if (!REPAYMENT_DATE_CHANGEABLE.contains(loan.getStatus())) {
                throw SandboxProblem.conflict("Le prêt " + loanId + " est au statut "
                        + loan.getStatus() + " : sa date de remboursement ne peut plus changer.");
            }
            LocalDate earliest = SandboxSchedule.earliestRepaymentDate(now);
            if (toRepayAt.isBefore(earliest)) {
                throw SandboxProblem.unprocessable("to_repay_at " + toRepayAt
                        + " est trop proche : au plus tôt " + earliest
                        + " (2 jours ouvrés après aujourd'hui).");
            }
            loan.changeRepaymentDate(toRepayAt);
            if (loan.getStatus() == TO_REPAY) {
                loan.reschedule(SandboxSchedule.debitAt(toRepayAt, oneDayLate(loan)));
            }
            log.info("Sandbox lender: loan {} repayment date moved to {}", loanId, toRepayAt);
            emit("Loan.UPDATED", "Loan", loan.getId(), loan.getStatus().name(), now,
                    Loan.of(loan, now));
            return Loan.of(loan, now);
        });
    }

    Loan changeScenario(String loanId, SandboxApi.Scenario scenario) {
        if (scenario == null || (scenario.transfer() == null && scenario.debit() == null)) {
            throw SandboxProblem.badRequest("Indiquez transfer (ON_TIME, LATE, NEVER) "
                    + "et/ou debit (SUCCEEDS, FAILS).");
        }
        return serialized(now -> {
            SandboxLoan loan = find(loanId);
            loan.changeScenario(scenario.transfer(), scenario.debit());
            if (loan.getStatus() == VALIDATED || loan.getStatus() == SCHEDULED) {
                loan.reschedule(transferAt(loan, loan.getValidatedAt()));
            }
            log.info("Sandbox lender: loan {} scenario now transfer {} / debit {}", loanId,
                    loan.getTransferScenario(), loan.getDebitScenario());
            return Loan.of(loan, now);
        });
    }

    CreditLine creditLine(String borrowerIdentifier) {
        String siren = checkBorrowerIdentifier(borrowerIdentifier);
        return serialized(now -> creditLine(siren, now));
    }

    CreditLine changePoolAmount(String borrowerIdentifier, Long poolAmount) {
        String siren = checkBorrowerIdentifier(borrowerIdentifier);
        if (poolAmount == null || poolAmount < 0) {
            throw SandboxProblem.badRequest("pool_amount (en centimes, positif ou nul) "
                    + "est obligatoire.");
        }
        return serialized(now -> {
            creditLine(siren, now);
            creditLines.findById(siren).orElseThrow().changePoolAmount(poolAmount);
            log.info("Sandbox lender: credit line {} pool set to {} cents", siren, poolAmount);
            return balanceEvent(siren, now);
        });
    }

    /**
     * Registers a borrower, or updates the one already registered with this SIRET: its bank
     * accounts are replaced and its credit limit computed again by {@link SandboxCreditPolicy}.
     */
    Registration registerBorrower(BorrowerRequest request) {
        SandboxBorrowerCheck.check(request, SandboxSchedule.today(clock.now()));
        try {
            return serialized(now -> register(request, now));
        } catch (DataIntegrityViolationException sameSiretMeanwhile) {
            // Another instance registered this SIRET first: this one now updates it.
            return serialized(now -> register(request, now));
        }
    }

    RegisteredBorrower borrower(String borrowerId) {
        return serialized(now -> {
            SandboxBorrower borrower = findBorrower(borrowerId);
            return RegisteredBorrower.of(borrower, creditLineOf(borrower.getSiren(), now)
                    .getStatus());
        });
    }

    /**
     * Eligible when the pool is above zero and the line is not blocked; {@code max_amount} is
     * then the pool (the credit limit), otherwise zero.
     */
    SandboxApi.Eligibility eligibility(SandboxApi.EligibilityQuery query) {
        if (query == null || query.borrowerId() == null || query.borrowerId().isBlank()) {
            throw SandboxProblem.badRequest("borrower_id est obligatoire.");
        }
        return serialized(now -> {
            SandboxBorrower borrower = findBorrower(query.borrowerId().strip());
            SandboxCreditLine line = creditLineOf(borrower.getSiren(), now);
            List<SandboxEligibilityReason> reasons = new ArrayList<>();
            if (line.getPoolAmount() <= 0) {
                reasons.addAll(borrower.getLimitReasons());
                if (reasons.isEmpty()) {
                    // Set to zero through the test control rather than by the policy.
                    reasons.add(SandboxEligibilityReason.CREDIT_LIMIT_ZERO);
                }
            }
            if (line.isBlocked()) {
                reasons.add(SandboxEligibilityReason.BORROWER_BLOCKED);
            }
            boolean eligible = reasons.isEmpty();
            return new SandboxApi.Eligibility(eligible, eligible ? line.getPoolAmount() : 0,
                    properties.feesDailyRate(),
                    reasons.stream().map(SandboxApi.Reason::of).toList());
        });
    }

    /** Test control: blocks or unblocks the borrower's credit line (its whole SIREN). */
    // LIMITATION: the status lives on the SIREN's credit line, so blocking one registered SIRET
    // blocks every establishment of the company, and a loan asked under its SIREN alone.
    RegisteredBorrower changeBorrowerStatus(String borrowerId, SandboxCreditLineStatus status) {
        return serialized(now -> {
            SandboxBorrower borrower = findBorrower(borrowerId);
            SandboxCreditLine line = creditLineOf(borrower.getSiren(), now);
            if (line.changeStatus(status)) {
                log.info("Sandbox lender: borrower {} (SIREN {}) now {}", borrower.getId(),
                        borrower.getSiren(), status);
                CreditLine view = creditLine(borrower.getSiren(), now);
                emit("CreditLine.STATUS_UPDATED", "CreditLine", borrower.getSiren(),
                        status.name(), now, view);
                // What can be drawn went to zero, or came back.
                balanceEvent(borrower.getSiren(), now);
            }
            return RegisteredBorrower.of(borrower, line.getStatus());
        });
    }

    /**
     * The borrower's fee statement for {@code month}: one line per wired loan whose accrual
     * touches the month (see {@link SandboxFeeStatement}), plus any test adjustment.
     */
    SandboxApi.Bill bill(String borrowerIdentifier, String month) {
        String siren = checkBorrowerIdentifier(borrowerIdentifier);
        YearMonth billed = parseMonth(month);
        return serialized(now -> {
            LocalDate today = SandboxSchedule.today(now);
            if (!SandboxFeeStatement.isBillable(billed, today)) {
                throw new SandboxProblem(HttpStatus.CONFLICT,
                        "Mois non terminé", "Le relevé de frais du mois " + billed
                        + " n'existe pas encore : il est émis le "
                        + billed.plusMonths(1).atDay(1) + " (aujourd'hui " + today + ").");
            }
            List<SandboxApi.BillLine> lines = new ArrayList<>();
            for (SandboxLoan loan
                    : loans.findByBorrowerSirenAndPaidAtIsNotNullOrderByPaidAtAscIdAsc(siren)) {
                var accrual = new SandboxFeeStatement.Accrual(loan.getAmount(),
                        loan.getFeesDailyRate(), SandboxSchedule.today(loan.getPaidAt()),
                        loan.getRepaidAt() == null ? null
                                : SandboxSchedule.today(loan.getRepaidAt()));
                long adjustment = billAdjustments.getOrDefault(
                        adjustmentKey(loan.getId(), billed), 0L);
                if (accrual.appearsIn(billed) || adjustment != 0) {
                    lines.add(new SandboxApi.BillLine(loan.getId(),
                            accrual.lineFor(billed) + adjustment));
                }
            }
            long total = lines.stream().mapToLong(SandboxApi.BillLine::amount).sum();
            log.info("Sandbox lender: fee statement {} for SIREN {}: {} line(s), {} cents",
                    billed, siren, lines.size(), total);
            return new SandboxApi.Bill(siren, billed.toString(), total, lines);
        });
    }

    /** Test control: adds cents to a wired loan's line of a month, to exercise a mismatch. */
    SandboxApi.BillAdjustment adjustBill(SandboxApi.BillAdjustment request) {
        if (request == null || request.loanId() == null || request.loanId().isBlank()
                || request.amount() == null) {
            throw SandboxProblem.badRequest("loan_id, month (AAAA-MM) et amount (en centimes) "
                    + "sont obligatoires.");
        }
        YearMonth month = parseMonth(request.month());
        return serialized(now -> {
            SandboxLoan loan = find(request.loanId().strip());
            if (loan.getPaidAt() == null) {
                throw SandboxProblem.conflict("Le prêt " + loan.getId() + " n'a pas été versé : "
                        + "il ne figure sur aucun relevé de frais.");
            }
            long total = billAdjustments.merge(adjustmentKey(loan.getId(), month),
                    request.amount(), Long::sum);
            log.info("Sandbox lender: fee statement {} of loan {} adjusted by {} cents", month,
                    loan.getId(), request.amount());
            return new SandboxApi.BillAdjustment(loan.getId(), month.toString(), total);
        });
    }

    private static String adjustmentKey(String loanId, YearMonth month) {
        return loanId + "|" + month;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw SandboxProblem.badRequest("month doit être un mois AAAA-MM (2026-11) ; reçu « "
                    + month + " ».");
        }
    }

    SandboxApi.Clock clockState() {
        return serialized(this::clockView);
    }

    /**
     * Test control: back to real time. Loans keep their dates; what fell due under the advanced
     * clock stays done. Lets a test suite that shares one sandbox start each case from today.
     */
    SandboxApi.Clock resetClock() {
        lock.lock();
        try {
            tx.executeWithoutResult(status -> clockStates.findById(SandboxClockState.SINGLE_ROW)
                    .ifPresent(state -> state.addMillis(-state.getOffsetMillis())));
            clock.useOffset(0);
            log.info("Sandbox lender: clock reset to real time");
        } finally {
            lock.unlock();
        }
        return clockState();
    }

    SandboxApi.Clock advanceClock(Duration by) {
        if (by.isNegative() || by.compareTo(MAX_CLOCK_ADVANCE) > 0) {
            throw SandboxProblem.badRequest("by doit être une durée positive d'au plus P400D ; "
                    + "reçu " + by + ".");
        }
        lock.lock();
        try {
            long offset = tx.execute(status -> {
                SandboxClockState state = clockStates.findById(SandboxClockState.SINGLE_ROW)
                        .orElseGet(() -> clockStates.save(new SandboxClockState(0)));
                state.addMillis(by.toMillis());
                return state.getOffsetMillis();
            });
            clock.useOffset(offset);
            log.info("Sandbox lender: clock advanced by {}, now {}", by, clock.now());
        } finally {
            lock.unlock();
        }
        return serialized(this::clockView);
    }

    /** Processes whatever fell due; called by the tick. */
    void processDue() {
        lock.lock();
        try {
            tx.executeWithoutResult(status -> processDue(clock.now()));
        } finally {
            lock.unlock();
        }
        dispatcher.requestDispatch();
    }

    // ---- the lifecycle --------------------------------------------------------------------

    /**
     * Runs due work in its own transaction first, so that a refused request (a 409, say) does
     * not roll back a wire or a debit that was due anyway; then serves the request.
     */
    private <T> T serialized(Function<Instant, T> work) {
        T result;
        lock.lock();
        try {
            tx.executeWithoutResult(status -> processDue(clock.now()));
            result = tx.execute(status -> work.apply(clock.now()));
        } finally {
            lock.unlock();
        }
        dispatcher.requestDispatch();
        return result;
    }

    private void processDue(Instant now) {
        for (int step = 0; step < MAX_STEPS_PER_PASS; step++) {
            List<SandboxLoan> due = loans.findDue(now, Limit.of(1));
            if (due.isEmpty()) {
                return;
            }
            advance(due.get(0));
        }
        log.warn("Sandbox lender: more than {} steps due at once; the rest waits for the next "
                + "pass", MAX_STEPS_PER_PASS);
    }

    /** Takes the loan's next automatic step, dated when it fell due rather than now. */
    private void advance(SandboxLoan loan) {
        Instant at = loan.getNextActionAt();
        switch (loan.getStatus()) {
            case SUBMITTED, PENDING_VALIDATION -> evaluate(loan, at);
            case VALIDATED, SCHEDULED -> wire(loan, at);
            case TO_REPAY -> debit(loan, at);
            default -> loan.reschedule(null);
        }
    }

    private void evaluate(SandboxLoan loan, Instant at) {
        List<String> reasons = new ArrayList<>();
        var line = creditLines.findById(loan.getBorrowerSiren());
        if (line.isPresent() && line.get().isBlocked()) {
            reasons.add(SandboxEligibilityReason.BORROWER_BLOCKED.description());
        }
        if (!"EUR".equals(loan.getCurrency())) {
            reasons.add("Devise " + loan.getCurrency() + " non prise en charge : seul l'euro "
                    + "(EUR) est accepté.");
        }
        if (SandboxScenarios.isFailing(loan.getAccountNumber())) {
            reasons.add("Compte de versement refusé par l'analyse de risque.");
        }
        String buyerSiren = SandboxScenarios.sirenOf(loan.getBuyerIdentifier());
        if (buyerSiren != null && properties.excludedBuyers().contains(buyerSiren)) {
            reasons.add("Client débiteur " + buyerSiren + " exclu par le prêteur.");
        }
        long available = line.map(SandboxCreditLine::getPoolAmount)
                .orElse(properties.defaultCreditLimitCents())
                - loans.sumAmount(loan.getBorrowerSiren(), COMMITTED_STATUSES);
        if (loan.getAmount() > available) {
            reasons.add("Montant de " + euros(loan.getAmount()) + " supérieur au solde "
                    + "disponible de la ligne de crédit (" + euros(Math.max(0, available)) + ").");
        }

        if (!reasons.isEmpty()) {
            loan.decline(String.join(" ", reasons));
            log.info("Sandbox lender: loan {} declined: {}", loan.getId(), loan.getDenialReason());
            loanEvent(loan, at);
            balanceEvent(loan.getBorrowerSiren(), at);
        } else if (loan.isAutoValidate()) {
            validate(loan, at);
        } else {
            loan.accept();
            log.info("Sandbox lender: loan {} accepted, awaiting validation", loan.getId());
            loanEvent(loan, at);
        }
    }

    private void validate(SandboxLoan loan, Instant at) {
        loan.validate(at, transferAt(loan, at));
        log.info("Sandbox lender: loan {} validated, wire planned at {}", loan.getId(),
                loan.getNextActionAt() == null ? "never" : loan.getNextActionAt());
        loanEvent(loan, at);
        balanceEvent(loan.getBorrowerSiren(), at);
    }

    private void wire(SandboxLoan loan, Instant at) {
        loan.pay(at, SandboxSchedule.debitAt(loan.getToRepayAt(), oneDayLate(loan)));
        log.info("Sandbox lender: loan {} wired, {} cents", loan.getId(), loan.getAmount());
        emit("Payment.PAID", "Payment", loan.getId(), "PAID", at, Loan.of(loan, at));
        loanEvent(loan, at);
    }

    private void debit(SandboxLoan loan, Instant at) {
        if (loan.getDebitScenario() == DebitScenario.FAILS) {
            loan.failRepayment(at);
            log.info("Sandbox lender: loan {} direct debit rejected", loan.getId());
            emit("Payment.FAILED", "Payment", loan.getId(), "FAILED", at, Loan.of(loan, at));
            loanEvent(loan, at);
            return;
        }
        loan.close(at);
        log.info("Sandbox lender: loan {} repaid by direct debit", loan.getId());
        emit("Payment.PAID", "Payment", loan.getId(), "PAID", at, Loan.of(loan, at));
        loanEvent(loan, at);
        balanceEvent(loan.getBorrowerSiren(), at);
    }

    private Instant transferAt(SandboxLoan loan, Instant validatedAt) {
        return SandboxSchedule.transferAt(validatedAt, loan.getTransferScenario(),
                properties.transferDelay(), oneDayLate(loan));
    }

    private static boolean oneDayLate(SandboxLoan loan) {
        return SandboxScenarios.isOneDayLate(loan.getAccountNumber());
    }

    // ---- credit lines and events ----------------------------------------------------------

    /**
     * The borrower's line, created with the default pool the first time it is asked for: a
     * borrower never registered (the demo business) borrows on the default limit.
     */
    private SandboxCreditLine creditLineOf(String siren, Instant now) {
        return creditLines.findById(siren).orElseGet(() -> {
            log.info("Sandbox lender: credit line opened for {}", siren);
            return creditLines.save(new SandboxCreditLine(siren,
                    properties.defaultCreditLimitCents(), now));
        });
    }

    /** The line as the API shows it; nothing is available while it is blocked. */
    private CreditLine creditLine(String siren, Instant now) {
        SandboxCreditLine line = creditLineOf(siren, now);
        long pending = loans.sumAmount(siren, PENDING_VALIDATION_STATUSES);
        long outstanding = loans.sumAmount(siren, OUTSTANDING_STATUSES);
        long available = line.isBlocked() ? 0 : line.getPoolAmount() - pending - outstanding;
        return new CreditLine(siren, "EUR", line.getPoolAmount(), available, pending,
                outstanding, line.getStatus());
    }

    private CreditLine balanceEvent(String siren, Instant at) {
        CreditLine line = creditLine(siren, at);
        emit("CreditLine.BALANCE_UPDATED", "CreditLine", siren, line.status().name(), at, line);
        return line;
    }

    // ---- borrowers ------------------------------------------------------------------------

    private Registration register(BorrowerRequest request, Instant now) {
        String siret = Siret.normalize(request.identifier());
        var existing = borrowers.findByIdentifier(siret);
        SandboxBorrower borrower = existing.orElseGet(() -> new SandboxBorrower(siret, now));
        List<SandboxBankAccount> accounts = bankAccounts(request);
        borrower.update(request, accounts, now);

        Decision decision = SandboxCreditPolicy.decide(request.companyCreatedOn(),
                accounts.size(), movements(accounts), SandboxSchedule.today(now));
        borrower.useLimitReasons(decision.reasons());
        borrowers.saveAndFlush(borrower);

        String siren = borrower.getSiren();
        boolean lineExisted = creditLines.existsById(siren);
        SandboxCreditLine line = creditLineOf(siren, now);
        boolean limitChanged = !lineExisted || line.getPoolAmount() != decision.limitCents();
        line.changePoolAmount(decision.limitCents());
        log.info("Sandbox lender: borrower {} {} for SIRET {}: {} account(s), {} active month(s),"
                        + " limit {} cents {}", borrower.getId(),
                existing.isPresent() ? "updated" : "registered", siret, accounts.size(),
                decision.activeMonths(), decision.limitCents(), decision.reasons());
        if (limitChanged) {
            balanceEvent(siren, now);
        }
        return new Registration(RegisteredBorrower.of(borrower, line.getStatus()),
                existing.isEmpty());
    }

    private static List<SandboxBankAccount> bankAccounts(BorrowerRequest request) {
        if (request.bankAccounts() == null) {
            return List.of();
        }
        return request.bankAccounts().stream()
                .map(account -> new SandboxBankAccount(
                        SandboxScenarios.normalizeIban(account.iban()), account.bankName(),
                        account.transactions() == null ? List.of()
                                : account.transactions().stream()
                                .map(t -> new SandboxTransaction(t.date(), t.amount(),
                                        t.label()))
                                .toList()))
                .toList();
    }

    private static List<Movement> movements(List<SandboxBankAccount> accounts) {
        return accounts.stream()
                .flatMap(account -> account.getTransactions().stream())
                .map(t -> new Movement(t.getBookedOn(), t.getAmount()))
                .toList();
    }

    private SandboxBorrower findBorrower(String borrowerId) {
        return borrowers.findById(borrowerId).orElseThrow(() ->
                SandboxProblem.notFound("Aucun emprunteur " + borrowerId + " chez le prêteur."));
    }

    private void loanEvent(SandboxLoan loan, Instant at) {
        emit("Loan." + loan.getStatus().name(), "Loan", loan.getId(), loan.getStatus().name(), at,
                Loan.of(loan, at));
    }

    private void emit(String eventType, String entityType, String id, String status, Instant at,
                      Object entityState) {
        LenderWebhookEvent event = new LenderWebhookEvent(eventType, entityType, id, status, at,
                objectMapper.valueToTree(entityState));
        try {
            webhooks.save(new SandboxWebhook(eventType, entityType, id,
                    objectMapper.writeValueAsString(event), Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook " + eventType + " cannot be serialised", e);
        }
    }

    // ---- checks ---------------------------------------------------------------------------

    private SandboxLoan find(String loanId) {
        return loans.findById(loanId).orElseThrow(() ->
                SandboxProblem.notFound("Aucun prêt " + loanId + " chez le prêteur."));
    }

    private SandboxApi.Clock clockView(Instant now) {
        return new SandboxApi.Clock(now, SandboxSchedule.today(now), clock.offset().toString());
    }

    private static String checkBorrowerIdentifier(String identifier) {
        if (identifier == null || !identifier.strip().matches("\\d{9}|\\d{14}")) {
            throw SandboxProblem.badRequest("borrower doit être un SIREN (9 chiffres) ou un "
                    + "SIRET (14 chiffres).");
        }
        return SandboxScenarios.sirenOf(identifier.strip());
    }

    /** Lists every problem of a creation request at once, so the caller can fix them all. */
    private static void checkNewLoan(LoanRequest request, LocalDate today) {
        if (request == null) {
            throw SandboxProblem.badRequest("Corps JSON du prêt manquant.");
        }
        List<String> problems = new ArrayList<>();
        if (request.amount() == null || request.amount() <= 0) {
            problems.add("amount doit être un entier positif en centimes");
        }
        if (request.currency() == null || !request.currency().matches("[A-Z]{3}")) {
            problems.add("currency doit être un code ISO 4217 (EUR)");
        }
        var borrower = request.borrower();
        if (borrower == null || borrower.identifier() == null) {
            problems.add("borrower.identifier est obligatoire");
        } else if (!("siren".equals(borrower.identifierType())
                && borrower.identifier().matches("\\d{9}"))
                && !("siret".equals(borrower.identifierType())
                && borrower.identifier().matches("\\d{14}"))) {
            problems.add("borrower doit être un SIREN (9 chiffres, identifier_type siren) ou un "
                    + "SIRET (14 chiffres, identifier_type siret)");
        }
        var loanTo = request.loanTo();
        if (loanTo == null || loanTo.accountNumber() == null
                || !SandboxScenarios.normalizeIban(loanTo.accountNumber())
                        .matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) {
            problems.add("loan_to.account_number doit être un IBAN");
        }
        if (request.toRepayAt() == null) {
            problems.add("to_repay_at est obligatoire");
        } else if (!request.toRepayAt().isAfter(today)) {
            problems.add("to_repay_at doit être postérieur à aujourd'hui (" + today + ")");
        } else if (request.toPayAt() != null && request.toPayAt().isAfter(request.toRepayAt())) {
            problems.add("to_pay_at doit précéder to_repay_at");
        }
        if (request.invoiceIds() == null || request.invoiceIds().size() != 1
                || request.invoiceIds().get(0) == null || request.invoiceIds().get(0).isBlank()) {
            problems.add("invoice_ids doit contenir exactement une facture");
        }
        if (request.saltId() == null || request.saltId().isBlank()
                || request.saltId().length() > 200) {
            problems.add("salt_id est obligatoire (200 caractères au plus)");
        }
        if (!problems.isEmpty()) {
            throw SandboxProblem.badRequest("Prêt refusé : " + String.join(" ; ", problems) + ".");
        }
    }

    private static String euros(long cents) {
        return String.format("%d,%02d €", cents / 100, Math.abs(cents % 100));
    }
}
