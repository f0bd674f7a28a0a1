package fr.cashadvance.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.accounting.AccountingService;
import fr.cashadvance.accounting.fees.FeeAccrual;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.common.Money;
import fr.cashadvance.financing.Financing;
import fr.cashadvance.financing.FinancingRepository;
import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.lender.LenderBill;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.mail.Mailer;
import fr.cashadvance.mail.OutgoingMail;
import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly fee statement of a business (DOMAIN §7, §8): our figure per loan, reconciled to
 * the cent with the lender's bill, booked once, and sent as a PDF.
 */
@Service
public class FeeStatementService {

    private static final Logger log = LoggerFactory.getLogger(FeeStatementService.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final FeeStatementRepository statements;
    private final FinancingRepository financings;
    private final InvoiceRepository invoices;
    private final BusinessRepository businesses;
    private final LenderClient lender;
    private final AccountingService accounting;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final Clock clock;

    public FeeStatementService(FeeStatementRepository statements, FinancingRepository financings,
                               InvoiceRepository invoices, BusinessRepository businesses,
                               LenderClient lender, AccountingService accounting, Mailer mailer,
                               ObjectMapper json, Clock clock) {
        this.statements = statements;
        this.financings = financings;
        this.invoices = invoices;
        this.businesses = businesses;
        this.lender = lender;
        this.accounting = accounting;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
    }

    /** The businesses with at least one loan accruing fees in the month. */
    @Transactional(readOnly = true)
    public List<String> businessesWithFees(YearMonth month) {
        var ids = new LinkedHashSet<String>();
        for (Financing f : financings.findByFundedAtIsNotNull()) {
            if (FeeAccrual.appearsIn(period(f), month)) {
                ids.add(f.getBusinessId());
            }
        }
        return new ArrayList<>(ids);
    }

    /** Our statement for the month; computed once, then read back on any retry. */
    @Transactional
    public FeeStatement compute(String businessId, YearMonth month) {
        var existing = statements.findByBusinessIdAndPeriod(businessId, month.toString());
        if (existing.isPresent() && existing.get().getStatus() != StatementStatus.COMPUTED
                && existing.get().getStatus() != StatementStatus.MISMATCH) {
            return existing.get();
        }
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Financing f : financings.findByBusinessIdAndFundedAtIsNotNullOrderByFundedAt(
                businessId)) {
            var p = period(f);
            if (!FeeAccrual.appearsIn(p, month)) {
                continue;
            }
            BigDecimal fee = FeeAccrual.lineFor(p, month);
            String number = invoices.findById(f.getInvoiceId()).map(i -> i.getNumber())
                    .orElse("?");
            lines.add(new StatementLine(f.getId(), f.getLenderLoanId(), number, f.getAmount(),
                    p.fundedOn(), p.repaidOn(), fee, null));
            total = total.add(fee);
        }
        if (existing.isPresent()) {
            // Not booked yet: computed again, so a loan funded since the last run is counted.
            existing.get().recomputed(total, write(lines), Instant.now(clock));
            return existing.get();
        }
        var statement = new FeeStatement(UUID.randomUUID().toString(), businessId,
                month.toString(), total, write(lines), Instant.now(clock));
        log.info("Fee statement {} for business {}: {} EUR over {} loans", month, businessId,
                total, lines.size());
        return statements.save(statement);
    }

    /** Compares with the lender's bill line by line; true when every cent agrees. */
    @Transactional
    public boolean reconcile(String statementId) {
        FeeStatement s = find(statementId);
        Business business = businesses.findById(s.getBusinessId()).orElseThrow();
        LenderBill bill = lender.bill(business.getSiren(), YearMonth.parse(s.getPeriod()));
        Map<String, Long> billed = new HashMap<>();
        bill.lines().forEach(l -> billed.merge(l.loanId(), l.amount(), Long::sum));

        List<String> differences = new ArrayList<>();
        List<StatementLine> lines = new ArrayList<>();
        for (StatementLine l : read(s.getLinesJson())) {
            Long theirs = billed.remove(l.loanId());
            BigDecimal lenderFee = theirs == null ? null : Money.fromCents(theirs);
            if (lenderFee == null || lenderFee.compareTo(l.fee()) != 0) {
                differences.add("facture " + l.invoiceNumber() + " : nous " + l.fee()
                        + " €, prêteur " + (lenderFee == null ? "absent" : lenderFee + " €"));
            }
            lines.add(new StatementLine(l.financingId(), l.loanId(), l.invoiceNumber(),
                    l.amount(), l.fundedOn(), l.repaidOn(), l.fee(), lenderFee));
        }
        billed.forEach((loan, cents) -> differences.add("prêt " + loan + " facturé "
                + Money.fromCents(cents) + " € sans ligne chez nous"));
        BigDecimal lenderTotal = Money.fromCents(bill.total());
        if (lenderTotal.compareTo(s.getTotalOurs()) != 0 && differences.isEmpty()) {
            differences.add("total : nous " + s.getTotalOurs() + " €, prêteur " + lenderTotal
                    + " €");
        }
        s.reconciled(lenderTotal, write(lines),
                differences.isEmpty() ? null : String.join(" ; ", differences), Instant.now(clock));
        if (!differences.isEmpty()) {
            log.warn("Fee statement {} of business {} differs from the lender's bill: {}",
                    s.getPeriod(), s.getBusinessId(), s.getDifferences());
        }
        return differences.isEmpty();
    }

    /** Books 661600 / 401 once; a zero month books nothing. */
    @Transactional
    public void book(String statementId) {
        FeeStatement s = find(statementId);
        if (s.getAccountingEntryId() != null || s.getStatus() == StatementStatus.MISMATCH
                || s.getStatus() == StatementStatus.SENT) {
            return;
        }
        if (s.getTotalOurs().signum() == 0) {
            s.moveTo(StatementStatus.BOOKED, Instant.now(clock));
            return;
        }
        var entry = accounting.bookFees(s.getBusinessId(), YearMonth.parse(s.getPeriod()),
                s.getTotalOurs(), "Frais de financement " + s.getPeriod());
        s.booked(entry.getId(), Instant.now(clock));
    }

    /**
     * Emails the PDF to the business's representative.
     * LIMITATION: a retry after the mail left sends it twice; SMTP has no idempotency key.
     */
    @Transactional
    public void send(String statementId) {
        FeeStatement s = find(statementId);
        if (s.getStatus() == StatementStatus.SENT) {
            return;
        }
        Business business = businesses.findById(s.getBusinessId()).orElseThrow();
        byte[] pdf = pdf(s, business);
        // "décembre 2026", as the PDF says it; the greeting names the person, not the company.
        String month = YearMonth.parse(s.getPeriod()).format(
                java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRANCE));
        String greeting = business.getRepresentativeFirstName() == null ? "Bonjour,"
                : "Bonjour " + business.getRepresentativeFirstName() + ",";
        String subject = "Votre relevé des frais de financement — " + month;
        String text = greeting + "\n\nVous trouverez ci-joint le relevé des frais de vos "
                + "avances de trésorerie pour " + month + " : "
                + Money.formatFr(s.getTotalOurs()) + ".\n\nCordialement,\nL'équipe Avance de "
                + "trésorerie\n";
        String html = "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(greeting)
                + "</p><p>Vous trouverez ci-joint le relevé des frais de vos avances de "
                + "trésorerie pour " + month + " : <strong>"
                + Money.formatFr(s.getTotalOurs()) + "</strong>.</p>";
        mailer.send(new OutgoingMail(business.getRepresentativeEmail(), subject, html, text)
                        .forBusiness(business.getId()),
                new Mailer.Attachment("releve-frais-" + s.getPeriod() + ".pdf",
                        "application/pdf", pdf));
        s.moveTo(StatementStatus.SENT, Instant.now(clock));
    }

    @Transactional
    public void reviewed(String statementId) {
        find(statementId).moveTo(StatementStatus.REVIEWED, Instant.now(clock));
    }

    @Transactional(readOnly = true)
    public byte[] pdf(String statementId) {
        FeeStatement s = find(statementId);
        return pdf(s, businesses.findById(s.getBusinessId()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<StatementLine> lines(FeeStatement s) {
        return read(s.getLinesJson());
    }

    public FeeStatement find(String id) {
        return statements.findById(id).orElseThrow(() -> ApiProblem.notFound("Relevé", id));
    }

    private byte[] pdf(FeeStatement s, Business business) {
        return FeeStatementPdf.render(business.getName(), business.getSiren(),
                YearMonth.parse(s.getPeriod()), read(s.getLinesJson()), s.getTotalOurs());
    }

    static YearMonth previousMonth(Clock clock) {
        return YearMonth.from(LocalDate.now(clock.withZone(PARIS))).minusMonths(1);
    }

    /**
     * Only ended months are billed. With the sandbox lender, its test clock may end a month
     * early, so the current month is allowed there too; a later month never is.
     */
    static void checkBillable(YearMonth month, Clock clock, boolean sandbox) {
        YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(PARIS)));
        YearMonth last = sandbox ? current : current.minusMonths(1);
        if (month.isAfter(last)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "month-not-ended",
                    "Mois non terminé", "Month " + month + " has not ended; the latest month "
                    + "that can be billed is " + last + ".").with("field", "month")
                    .with("rule", "month.not-ended");
        }
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-month", "Mois invalide",
                    "Parameter 'month' must be YYYY-MM, not '" + month + "'.")
                    .with("field", "month");
        }
    }

    private static FeeAccrual.LoanPeriod period(Financing f) {
        LocalDate funded = f.getFundedAt().atZone(PARIS).toLocalDate();
        LocalDate repaid = f.getRepaidAt() == null ? null
                : f.getRepaidAt().atZone(PARIS).toLocalDate();
        return new FeeAccrual.LoanPeriod(f.getId(), f.getAmount(), f.getFeesDailyRate(), funded,
                repaid);
    }

    private String write(List<StatementLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StatementLine> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<StatementLine>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
