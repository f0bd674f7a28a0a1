package fr.cashadvance.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes entries as a "fichier des écritures comptables" (FEC, article A47 A-1 of the LPF):
 * tab-separated, a header line then one line per accounting line, 18 columns in the legal
 * order. Pure: no Spring, no database.
 */
public final class FecWriter {

    public static final List<String> COLUMNS = List.of("JournalCode", "JournalLib",
            "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
            "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
            "ValidDate", "Montantdevise", "Idevise");

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AccountingProperties accounts;

    public FecWriter(AccountingProperties accounts) {
        this.accounts = accounts;
    }

    /** The file's text; entries in any order (they are sorted by journal, date, booking). */
    public String write(List<AccountingEntry> entries) {
        StringBuilder out = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        List<AccountingEntry> sorted = entries.stream()
                .sorted(Comparator.comparing(AccountingEntry::getJournal)
                        .thenComparing(AccountingEntry::getEntryDate)
                        .thenComparing(AccountingEntry::getCreatedAt)
                        .thenComparing(AccountingEntry::getId))
                .toList();
        // LIMITATION: EcritureNum is not stored; it numbers the entries of each journal in
        // date order within this export, so the same entry may get another number in an
        // export over another period. Stored gap-free numbering would fix it.
        Map<String, Integer> numbers = new HashMap<>();
        for (AccountingEntry e : sorted) {
            int number = numbers.merge(e.getJournal(), 1, Integer::sum);
            String date = DAY.format(e.getEntryDate());
            String pieceRef = e.getPieceRef() != null ? e.getPieceRef() : e.getId();
            // Validation = booking: entries are final once saved (reversal only).
            String valid = DAY.format(LocalDate.ofInstant(e.getCreatedAt(), PARIS));
            for (AccountingLine l : e.getLines()) {
                List<String> row = List.of(e.getJournal(), journalLabel(e.getJournal()),
                        Integer.toString(number), date, l.getAccount(), l.getAccountLabel(),
                        orEmpty(l.getAuxAccount()), orEmpty(l.getAuxLabel()), pieceRef,
                        date, e.getLabel(), amount(l.getDebit()), amount(l.getCredit()), "", "",
                        valid, "", "");
                out.append(String.join("\t", row.stream().map(FecWriter::clean).toList()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** 1234.5 → "1234,50": decimal comma, no thousands separator. */
    static String amount(BigDecimal value) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return v.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    private String journalLabel(String journal) {
        return journal.equals(accounts.journal()) ? accounts.journalLabel() : journal;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A tab or line break inside a value would shift the columns. */
    static String clean(String value) {
        return value.replaceAll("[\\t\\r\\n]", " ");
    }
}
