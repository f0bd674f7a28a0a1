package fr.cashadvance.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FecWriterTest {

    private static final AccountingProperties ACCOUNTS = AccountingProperties.defaults();

    /** November 2026: an advance of 208,03, its repayment, the month's fees, a reversal. */
    private static List<AccountingEntry> november() {
        var advance = entry("e-adv", "fin-1", EntryKind.ADVANCE_RECEIVED, "2026-11-03",
                "Avance de trésorerie reçue — facture F-2026-117", "2026-11-03T09:15:00Z")
                .withPieceRef("F-2026-117");
        advance.addLine("512000", "Banque", money("208.03"), money("0"));
        advance.addLine("519100", "Crédit de mobilisation de créances commerciales",
                money("0"), money("208.03"));

        var repaid = entry("e-rep", "fin-1", EntryKind.ADVANCE_REPAID, "2026-11-24",
                "Remboursement de l'avance de trésorerie — facture F-2026-117",
                "2026-11-24T08:00:00Z").withPieceRef("F-2026-117");
        repaid.addLine("519100", "Crédit de mobilisation de créances commerciales",
                money("208.03"), money("0"));
        repaid.addLine("512000", "Banque", money("0"), money("208.03"));

        var fees = entry("e-fees", null, EntryKind.FEES, "2026-11-30",
                "Frais de financement —\tnovembre\n2026", "2026-12-01T05:00:00Z")
                .withPieceRef("FEES-2026-11").forPeriod("2026-11");
        fees.addLine("661600", "Intérêts bancaires et sur opérations de financement",
                money("3.06"), money("0"));
        fees.addLine("401", "Fournisseurs", money("0"), money("3.06"), "401DEF",
                "Fournisseur — prêteur");

        var reversal = entry("e-rev", "fin-1", EntryKind.REVERSAL, "2026-11-25",
                "Extourne de Remboursement de l'avance de trésorerie — facture F-2026-117",
                "2026-11-25T10:00:00Z").withPieceRef("F-2026-117")
                .reversing("e-rep", "Prélèvement rejeté");
        reversal.addLine("519100", "Crédit de mobilisation de créances commerciales",
                money("0"), money("208.03"));
        reversal.addLine("512000", "Banque", money("208.03"), money("0"));
        // Out of order on purpose: the writer sorts by date.
        return List.of(fees, reversal, repaid, advance);
    }

    private static AccountingEntry entry(String id, String financingId, EntryKind kind,
                                         String date, String label, String createdAt) {
        return new AccountingEntry(id, "au-bon-moulin", financingId,
                financingId == null ? null : "inv-1", kind, "OD", LocalDate.parse(date),
                label, Instant.parse(createdAt));
    }

    private static BigDecimal money(String v) {
        return new BigDecimal(v).setScale(2);
    }

    private static List<String[]> rows(String fec) {
        assertThat(fec).endsWith("\n");
        return fec.lines().map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void headerHasThe18LegalColumnsInOrder() {
        String header = new FecWriter(ACCOUNTS).write(List.of()).lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\t"
                + "CompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t"
                + "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\t"
                + "Montantdevise\tIdevise");
    }

    @Test
    void oneLinePerAccountingLineEach18Columns() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        assertThat(rows).hasSize(1 + 8);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(18));
    }

    @Test
    void advanceLinesColumnByColumn() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        assertThat(rows.get(1)).containsExactly("OD", "Opérations diverses", "1", "20261103",
                "512000", "Banque", "", "", "F-2026-117", "20261103",
                "Avance de trésorerie reçue — facture F-2026-117", "208,03", "0,00", "", "",
                "20261103", "", "");
        assertThat(rows.get(2)).containsExactly("OD", "Opérations diverses", "1", "20261103",
                "519100", "Crédit de mobilisation de créances commerciales", "", "",
                "F-2026-117", "20261103", "Avance de trésorerie reçue — facture F-2026-117",
                "0,00", "208,03", "", "", "20261103", "", "");
    }

    @Test
    void entriesAreNumberedPerJournalInDateOrder() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r[2] + ":" + r[3])
                .containsExactly("1:20261103", "1:20261103", "2:20261124", "2:20261124",
                        "3:20261125", "3:20261125", "4:20261130", "4:20261130");
    }

    @Test
    void repaymentAndReversalMirrorEachOther() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        String[] repaid = rows.get(3);
        String[] reversed = rows.get(5);
        assertThat(List.of(repaid[4], repaid[11], repaid[12]))
                .containsExactly("519100", "208,03", "0,00");
        assertThat(List.of(reversed[4], reversed[11], reversed[12], reversed[8], reversed[15]))
                .containsExactly("519100", "0,00", "208,03", "F-2026-117", "20261125");
        assertThat(rows.get(5)[10]).startsWith("Extourne de Remboursement");
    }

    @Test
    void feesLinesCarryTheLenderSubAccountAndCleanLabels() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        String[] charge = rows.get(7);
        String[] supplier = rows.get(8);
        assertThat(charge).containsExactly("OD", "Opérations diverses", "4", "20261130",
                "661600", "Intérêts bancaires et sur opérations de financement", "", "",
                "FEES-2026-11", "20261130", "Frais de financement — novembre 2026", "3,06",
                "0,00", "", "", "20261201", "", "");
        assertThat(supplier).containsExactly("OD", "Opérations diverses", "4", "20261130",
                "401", "Fournisseurs", "401DEF", "Fournisseur — prêteur", "FEES-2026-11",
                "20261130", "Frais de financement — novembre 2026", "0,00", "3,06", "", "",
                "20261201", "", "");
    }

    @Test
    void debitsEqualCreditsOverTheFile() {
        List<String[]> rows = rows(new FecWriter(ACCOUNTS).write(november()));
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (String[] r : rows.subList(1, rows.size())) {
            debit = debit.add(new BigDecimal(r[11].replace(',', '.')));
            credit = credit.add(new BigDecimal(r[12].replace(',', '.')));
        }
        assertThat(debit).isEqualByComparingTo("627.15").isEqualByComparingTo(credit);
        assertThat(november()).allMatch(AccountingEntry::balances);
    }

    @Test
    void amountsUseADecimalCommaWithoutGrouping() {
        assertThat(FecWriter.amount(new BigDecimal("1234567.80"))).isEqualTo("1234567,80");
        assertThat(FecWriter.amount(BigDecimal.ZERO)).isEqualTo("0,00");
        assertThat(FecWriter.amount(new BigDecimal("208.03"))).isEqualTo("208,03");
        assertThat(Arrays.asList(FecWriter.clean("a\tb\r\nc").split(" "))).hasSize(4);
    }
}
