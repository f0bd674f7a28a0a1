package fr.cashadvance.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books the journal entries of a financing, each exactly once. */
@Service
public class AccountingService {

    private static final Logger log = LoggerFactory.getLogger(AccountingService.class);

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
        var existing = entries.findByFinancingIdAndKind(s.financingId(), kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        BigDecimal amount = s.amount().setScale(2);
        var entry = new AccountingEntry(UUID.randomUUID().toString(), s.businessId(),
                s.financingId(), s.invoiceId(), kind, accounts.journal(), s.date(), label,
                Instant.now(clock));
        entry.addLine(debitAccount, debitLabel, amount, BigDecimal.ZERO.setScale(2));
        entry.addLine(creditAccount, creditLabel, BigDecimal.ZERO.setScale(2), amount);
        entry = entries.save(entry);
        log.info("Booked {} entry of {} EUR for financing {} (invoice {})", kind, amount,
                s.financingId(), s.invoiceNumber());
        return entry;
    }
}
