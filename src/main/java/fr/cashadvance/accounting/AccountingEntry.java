package fr.cashadvance.accounting;

import fr.cashadvance.common.AssignedIdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An "opération diverse": balanced, never changed once booked. */
@Entity
@Table(name = "accounting_entry")
public class AccountingEntry extends AssignedIdEntity {

    @Id
    private String id;

    private String businessId;
    private String financingId;
    private String invoiceId;

    @Enumerated(EnumType.STRING)
    private EntryKind kind;

    private String journal;
    private LocalDate entryDate;
    private String label;
    private Instant createdAt;

    /** YYYY-MM of a fees entry; null otherwise. */
    private String period;
    /** Invoice number, or FEES-YYYY-MM (FEC PieceRef). */
    private String pieceRef;
    private String reversesEntryId;
    private String reason;
    /** Part of the once-per-financing-and-kind key: "-", or the reversed entry's id. */
    private String bookingKey = "-";

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "entry_id", referencedColumnName = "id", insertable = false,
            updatable = false)
    @OrderBy("lineNo")
    private List<AccountingLine> lines = new ArrayList<>();

    protected AccountingEntry() {
    }

    AccountingEntry(String id, String businessId, String financingId, String invoiceId,
                    EntryKind kind, String journal, LocalDate entryDate, String label,
                    Instant createdAt) {
        this.id = id;
        this.businessId = businessId;
        this.financingId = financingId;
        this.invoiceId = invoiceId;
        this.kind = kind;
        this.journal = journal;
        this.entryDate = entryDate;
        this.label = label;
        this.createdAt = createdAt;
    }

    AccountingEntry withPieceRef(String pieceRef) {
        this.pieceRef = pieceRef;
        return this;
    }

    AccountingEntry forPeriod(String period) {
        this.period = period;
        return this;
    }

    AccountingEntry reversing(String reversedEntryId, String reason) {
        this.reversesEntryId = reversedEntryId;
        this.bookingKey = reversedEntryId;
        this.reason = reason;
        return this;
    }

    void addLine(String account, String accountLabel, BigDecimal debit, BigDecimal credit) {
        addLine(account, accountLabel, debit, credit, null, null);
    }

    void addLine(String account, String accountLabel, BigDecimal debit, BigDecimal credit,
                 String auxAccount, String auxLabel) {
        lines.add(new AccountingLine(id, lines.size() + 1, account, accountLabel, debit, credit,
                auxAccount, auxLabel));
    }

    /** Debits equal credits, to the cent. */
    public boolean balances() {
        return totalDebit().compareTo(totalCredit()) == 0;
    }

    public BigDecimal totalDebit() {
        return lines.stream().map(AccountingLine::getDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return lines.stream().map(AccountingLine::getCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String getId() { return id; }
    public String getBusinessId() { return businessId; }
    public String getFinancingId() { return financingId; }
    public String getInvoiceId() { return invoiceId; }
    public EntryKind getKind() { return kind; }
    public String getJournal() { return journal; }
    public LocalDate getEntryDate() { return entryDate; }
    public String getLabel() { return label; }
    public Instant getCreatedAt() { return createdAt; }
    public String getPeriod() { return period; }
    public String getPieceRef() { return pieceRef; }
    public String getReversesEntryId() { return reversesEntryId; }
    public String getReason() { return reason; }
    public List<AccountingLine> getLines() { return lines; }
}
