package fr.cashadvance.accounting;

import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books the journal entries: those of a financing each exactly once, the lender's fees once per
 * business and month. An entry is never changed; a mistake is cancelled by a reversal.
 */
@Service
public class AccountingService {

    private static final Logger log = LoggerFactory.getLogger(AccountingService.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH_FR =
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final int LABEL_MAX = 300;

    private final AccountingEntryRepository entries;
    private final AccountingProperties accounts;
    private final Clock clock;

    public AccountingService(AccountingEntryRepository entries, AccountingProperties accounts,
                             Clock clock) {
        this.entries = entries;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Subject(String businessId, String financingId, String invoiceId,
                          String invoiceNumber, BigDecimal amount, LocalDate date) {
    }

    /** Advance received: 512000 debit, 519100 credit. Booking twice returns the first entry. */
    @Transactional
    public AccountingEntry bookAdvanceReceived(Subject s) {
        return book(s, EntryKind.ADVANCE_RECEIVED,
                "Avance de trésorerie reçue — facture " + s.invoiceNumber(),
                accounts.bankAccount(), accounts.bankLabel(),
                accounts.advanceAccount(), accounts.advanceLabel());
    }

    /** Advance repaid by direct debit: 519100 debit, 512000 credit. */
    @Transactional
    public AccountingEntry bookAdvanceRepaid(Subject s) {
        return book(s, EntryKind.ADVANCE_REPAID,
                "Remboursement de l'avance de trésorerie — facture " + s.invoiceNumber(),
                accounts.advanceAccount(), accounts.advanceLabel(),
                accounts.bankAccount(), accounts.bankLabel());
    }

    /**
     * The lender's fees of a month: 661600 debit, 401 (lender sub-account) credit, dated the
     * last day of the month. Booking the same month again with the same amount returns the
     * first entry; with another amount it is refused (reverse the first one instead).
     */
    @Transactional
    public AccountingEntry bookFees(String businessId, YearMonth month, BigDecimal amount,
                                    String label) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("Fees must be a positive amount in cents: "
                    + amount);
        }
        BigDecimal cents = amount.setScale(2);
        String period = month.toString();
        var existing = entries.findByBusinessIdAndKindAndPeriod(businessId, EntryKind.FEES,
                period);
        if (existing.isPresent()) {
            if (existing.get().totalDebit().compareTo(cents) != 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "fees-already-booked",
                        "Frais déjà comptabilisés pour ce mois",
                        "Fees of " + period + " are already booked for business '" + businessId
                                + "' with another amount; reverse that entry first.")
                        .with("entryId", existing.get().getId());
            }
            return existing.get();
        }
        String text = label == null || label.isBlank()
                ? "Frais de financement — " + MONTH_FR.format(month) : label.strip();
        var entry = new AccountingEntry(UUID.randomUUID().toString(), businessId, null, null,
                EntryKind.FEES, accounts.journal(), month.atEndOfMonth(), fit(text),
                Instant.now(clock)).withPieceRef("FEES-" + period).forPeriod(period);
        entry.addLine(accounts.feesAccount(), accounts.feesLabel(), cents, zero());
        entry.addLine(accounts.supplierAccount(), accounts.supplierLabel(), zero(), cents,
                accounts.lenderAccount(), accounts.lenderLabel());
        entries.save(entry);
        log.info("Booked FEES entry of {} EUR for business {} ({})", cents, businessId, period);
        return entry;
    }

    /**
     * Cancels an entry by booking its mirror, dated today in Paris: same accounts, debit and
     * credit swapped. An entry is reversed at most once, and a reversal is never reversed.
     */
    @Transactional
    public AccountingEntry reverse(String entryId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-reason", "Motif manquant",
                    "Give the 'reason' of the reversal.").with("field", "reason");
        }
        AccountingEntry original = entries.findById(entryId)
                .orElseThrow(() -> ApiProblem.notFound("Écriture", entryId));
        if (original.getKind() == EntryKind.REVERSAL) {
            throw new ApiProblem(HttpStatus.CONFLICT, "reversal-not-reversible",
                    "Une extourne ne s'extourne pas",
                    "Entry '" + entryId + "' is itself a reversal; book a new entry instead.")
                    .with("entryId", entryId);
        }
        var already = entries.findByReversesEntryId(entryId);
        if (already.isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-reversed", "Écriture déjà extournée",
                    "Entry '" + entryId + "' was already reversed by entry '"
                            + already.get().getId() + "'.")
                    .with("entryId", entryId).with("reversalId", already.get().getId());
        }
        var mirror = new AccountingEntry(UUID.randomUUID().toString(), original.getBusinessId(),
                original.getFinancingId(), original.getInvoiceId(), EntryKind.REVERSAL,
                original.getJournal(), LocalDate.now(clock.withZone(PARIS)),
                fit("Extourne de " + original.getLabel()), Instant.now(clock))
                .withPieceRef(original.getPieceRef()).reversing(entryId, fit(reason.strip()));
        for (AccountingLine l : original.getLines()) {
            mirror.addLine(l.getAccount(), l.getAccountLabel(), l.getCredit(), l.getDebit(),
                    l.getAuxAccount(), l.getAuxLabel());
        }
        // LIMITATION: two simultaneous reversals of one entry: the loser fails on the unique
        // constraint (uk_accounting_entry_reversal) with a 500 rather than a 409.
        mirror = entries.save(mirror);
        log.info("Reversed {} entry {} by entry {}", original.getKind(), entryId, mirror.getId());
        return mirror;
    }

    /** Criteria of the ledger; businessId or financingId is required, dates are inclusive. */
    public record Filter(String businessId, String financingId, LocalDate from, LocalDate to) {
    }

    /** Entries matching every given criterion, by date then booking time. */
    @Transactional(readOnly = true)
    public List<AccountingEntry> find(Filter f) {
        List<AccountingEntry> base;
        if (f.financingId() != null) {
            base = entries.findByFinancingIdOrderByEntryDateAscCreatedAtAsc(f.financingId());
        } else if (f.businessId() != null) {
            base = entries.findByBusinessIdOrderByEntryDateAscCreatedAtAsc(f.businessId());
        } else {
            throw new IllegalArgumentException("businessId or financingId is required");
        }
        Predicate<AccountingEntry> keep = e -> (f.businessId() == null
                || f.businessId().equals(e.getBusinessId()))
                && (f.from() == null || !e.getEntryDate().isBefore(f.from()))
                && (f.to() == null || !e.getEntryDate().isAfter(f.to()));
        return base.stream().filter(keep).toList();
    }

    @Transactional(readOnly = true)
    public List<AccountingEntry> forFinancing(String financingId) {
        return entries.findByFinancingIdOrderByCreatedAtAsc(financingId);
    }

    @Transactional(readOnly = true)
    public List<AccountingEntry> forBusiness(String businessId) {
        return entries.findByBusinessIdOrderByEntryDateAscCreatedAtAsc(businessId);
    }

    private AccountingEntry book(Subject s, EntryKind kind, String label,
                                 String debitAccount, String debitLabel,
                                 String creditAccount, String creditLabel) {
        var existing = entries.findByFinancingIdAndKindAndReversesEntryIdIsNull(
                s.financingId(), kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        BigDecimal amount = s.amount().setScale(2);
        var entry = new AccountingEntry(UUID.randomUUID().toString(), s.businessId(),
                s.financingId(), s.invoiceId(), kind, accounts.journal(), s.date(), label,
                Instant.now(clock)).withPieceRef(s.invoiceNumber());
        entry.addLine(debitAccount, debitLabel, amount, zero());
        entry.addLine(creditAccount, creditLabel, zero(), amount);
        entries.save(entry);
        log.info("Booked {} entry of {} EUR for financing {} (invoice {})", kind, amount,
                s.financingId(), s.invoiceNumber());
        return entry;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static String fit(String text) {
        return text.length() <= LABEL_MAX ? text : text.substring(0, LABEL_MAX - 1) + "…";
    }
}
