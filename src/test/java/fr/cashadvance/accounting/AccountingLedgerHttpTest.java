package fr.cashadvance.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.demo.DemoData;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AccountingLedgerHttpTest extends JourneyTestSupport {

    private static final String PASSWORD = "test-password";

    @Autowired private AccountingService accounting;
    @Autowired private BusinessRepository businesses;

    /** A business of this test alone, so other tests' entries never reach its ledger. */
    private Business business;

    @BeforeEach
    void ownBusiness() {
        String siren = validSiren();
        business = businesses.save(new Business(UUID.randomUUID().toString(), "Ledger test SARL",
                siren, siren + "00017", null, "FR7630006000011234567890189",
                "ledger@test.example"));
    }

    @Test
    void feesAreBookedOncePerMonthOnTheLenderSubAccount() {
        var first = accounting.bookFees(business.getId(), YearMonth.of(2026, 2),
                new BigDecimal("12.34"), null);
        var again = accounting.bookFees(business.getId(), YearMonth.of(2026, 2),
                new BigDecimal("12.34"), null);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(first.getKind()).isEqualTo(EntryKind.FEES);
        assertThat(first.getJournal()).isEqualTo("OD");
        assertThat(first.getEntryDate()).hasToString("2026-02-28");
        assertThat(first.getLabel()).isEqualTo("Frais de financement — février 2026");
        assertThat(first.getFinancingId()).isNull();
        assertThat(first.balances()).isTrue();
        assertThat(first.getLines()).extracting(AccountingLine::getAccount,
                        AccountingLine::getAuxAccount, l -> l.getDebit().toPlainString(),
                        l -> l.getCredit().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("661600", null, "12.34", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("401", "401DEF", "0.00", "12.34"));

        ResponseEntity<JsonNode> other = platform().postForEntity("/api/accounting/entries/"
                + first.getId() + "/reverse", Map.of("reason", "x"), JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Reversed, the month stays booked: a second amount is refused, not added.
        try {
            accounting.bookFees(business.getId(), YearMonth.of(2026, 2),
                    new BigDecimal("13.00"), null);
            throw new AssertionError("a second fees amount for the month was accepted");
        } catch (fr.cashadvance.web.ApiProblem refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Test
    void ledgerFiltersByBusinessAndDatesWithTotals() {
        accounting.bookFees(business.getId(), YearMonth.of(2025, 9), new BigDecimal("1.10"), "");
        accounting.bookFees(business.getId(), YearMonth.of(2025, 10), new BigDecimal("2.20"),
                "Frais\tdu prêteur");
        accounting.bookFees(business.getId(), YearMonth.of(2025, 11), new BigDecimal("4.40"),
                null);

        JsonNode all = ledger("businessId=" + business.getId());
        assertThat(all.get("entries")).hasSize(3);
        assertThat(all.get("totalDebit").decimalValue()).isEqualByComparingTo("7.70");
        assertThat(all.get("totalCredit").decimalValue()).isEqualByComparingTo("7.70");
        assertBalanced(all);

        JsonNode octNov = ledger("businessId=" + business.getId()
                + "&from=2025-10-31&to=2025-11-30");
        assertThat(octNov.get("entries")).extracting(e -> e.get("period").asText())
                .containsExactly("2025-10", "2025-11");
        assertThat(octNov.get("totalDebit").decimalValue()).isEqualByComparingTo("6.60");
        assertBalanced(octNov);

        JsonNode fromOnly = ledger("businessId=" + business.getId() + "&from=2025-11-01");
        assertThat(fromOnly.get("entries")).hasSize(1);
        assertThat(fromOnly.get("entries").get(0).get("pieceRef").asText())
                .isEqualTo("FEES-2025-11");
        JsonNode toOnly = ledger("businessId=" + business.getId() + "&to=2025-09-30");
        assertThat(toOnly.get("entries")).hasSize(1);
        JsonNode none = ledger("businessId=" + business.getId() + "&from=2024-01-01&to=2024-12-31");
        assertThat(none.get("entries")).isEmpty();
        assertThat(none.get("totalDebit").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void ledgerFiltersByFinancingAndCombinesWithBusiness() {
        FinancingView f = funded(issuedInvoice("208.03", BUYER_SIREN));

        JsonNode ofFinancing = ledger("financingId=" + f.id());
        assertThat(ofFinancing.get("entries")).hasSize(1);
        JsonNode advance = ofFinancing.get("entries").get(0);
        assertThat(advance.get("kind").asText()).isEqualTo("ADVANCE_RECEIVED");
        assertThat(advance.get("pieceRef").asText()).startsWith("T-");
        assertThat(ofFinancing.get("totalDebit").decimalValue()).isEqualByComparingTo("208.03");
        assertBalanced(ofFinancing);

        assertThat(ledger("financingId=" + f.id() + "&businessId=" + DemoData.BUSINESS_ID)
                .get("entries")).hasSize(1);
        assertThat(ledger("financingId=" + f.id() + "&businessId=" + business.getId())
                .get("entries")).isEmpty();
        assertThat(ledger("financingId=" + f.id() + "&to=" + LocalDate.parse(
                advance.get("date").asText()).minusDays(1)).get("entries")).isEmpty();
        // The wire lands 3 sandbox hours later: after 21:00 in Paris, that is tomorrow.
        String bookedOn = advance.get("date").asText();
        JsonNode demoToday = ledger("businessId=" + DemoData.BUSINESS_ID + "&from=" + bookedOn
                + "&to=" + bookedOn);
        assertThat(demoToday.get("entries")).extracting(e -> e.get("financingId").asText(""))
                .contains(f.id());
        assertBalanced(demoToday);
    }

    @Test
    void ledgerRefusesMissingFilterAndInvertedPeriod() {
        ResponseEntity<JsonNode> missing = platform().getForEntity(
                "/api/accounting/entries?from=2025-01-01", JsonNode.class);
        assertProblem(missing, HttpStatus.BAD_REQUEST, "missing-filter");
        ResponseEntity<JsonNode> inverted = platform().getForEntity("/api/accounting/entries"
                + "?businessId=" + business.getId() + "&from=2025-02-01&to=2025-01-31",
                JsonNode.class);
        assertProblem(inverted, HttpStatus.BAD_REQUEST, "invalid-period");
    }

    @Test
    void reversalMirrorsTheEntryOnceAndIsNeverReversed() {
        var fees = accounting.bookFees(business.getId(), YearMonth.of(2025, 6),
                new BigDecimal("5.67"), null);

        ResponseEntity<JsonNode> reversed = reverse(fees.getId(), "Relevé du prêteur corrigé");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode mirror = reversed.getBody();
        assertThat(mirror.get("kind").asText()).isEqualTo("REVERSAL");
        assertThat(mirror.get("reversesEntryId").asText()).isEqualTo(fees.getId());
        assertThat(mirror.get("label").asText())
                .isEqualTo("Extourne de Frais de financement — juin 2025");
        assertThat(mirror.get("reason").asText()).isEqualTo("Relevé du prêteur corrigé");
        assertThat(mirror.get("pieceRef").asText()).isEqualTo("FEES-2025-06");
        assertThat(mirror.get("date").asText()).isEqualTo(today().toString());
        JsonNode lines = mirror.get("lines");
        assertThat(lines.get(0).get("account").asText()).isEqualTo("661600");
        assertThat(lines.get(0).get("credit").decimalValue()).isEqualByComparingTo("5.67");
        assertThat(lines.get(0).get("debit").decimalValue()).isEqualByComparingTo("0");
        assertThat(lines.get(1).get("auxAccount").asText()).isEqualTo("401DEF");
        assertThat(lines.get(1).get("debit").decimalValue()).isEqualByComparingTo("5.67");

        assertProblem(reverse(fees.getId(), "encore"), HttpStatus.CONFLICT, "already-reversed");
        assertProblem(reverse(mirror.get("id").asText(), "annuler l'extourne"),
                HttpStatus.CONFLICT, "reversal-not-reversible");
        assertProblem(reverse(fees.getId(), " "), HttpStatus.BAD_REQUEST, "missing-reason");
        assertProblem(reverse("no-such-entry", "x"), HttpStatus.NOT_FOUND, "not-found");

        // The original is unchanged and both stay in the ledger, which nets to zero per account.
        JsonNode ledger = ledger("businessId=" + business.getId());
        assertThat(ledger.get("entries")).extracting(e -> e.get("kind").asText())
                .containsExactly("FEES", "REVERSAL");
        assertThat(ledger.get("entries").get(0).get("totalDebit").decimalValue())
                .isEqualByComparingTo("5.67");
        assertThat(ledger.get("totalDebit").decimalValue()).isEqualByComparingTo("11.34");
        assertBalanced(ledger);
    }

    @Test
    void reversingOneFinancingEntryKeepsTheOthersBookable() {
        FinancingView f = funded(issuedInvoice("150.00", BUYER_SIREN));
        String advanceId = ledger("financingId=" + f.id()).get("entries").get(0).get("id")
                .asText();
        assertThat(reverse(advanceId, "Virement retourné").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode entries = ledger("financingId=" + f.id());
        assertThat(entries.get("entries")).extracting(e -> e.get("kind").asText())
                .containsExactlyInAnyOrder("ADVANCE_RECEIVED", "REVERSAL");
        assertThat(entries.get("entries")).allSatisfy(e -> assertThat(e.get("financingId")
                .asText()).isEqualTo(f.id()));
        assertBalanced(entries);
    }

    @Test
    void fecExportsTheBusinessPeriodWithTheLegalNameAndColumns() {
        accounting.bookFees(business.getId(), YearMonth.of(2025, 3), new BigDecimal("208.03"),
                "Frais\tde mars\nligne 2");
        accounting.bookFees(business.getId(), YearMonth.of(2025, 4), new BigDecimal("1.00"),
                null);

        ResponseEntity<String> fec = platform().getForEntity("/api/accounting/fec?businessId="
                + business.getId() + "&from=2025-03-01&to=2025-03-31", String.class);

        assertThat(fec.getStatusCode()).isEqualTo(HttpStatus.OK);
        MediaType type = fec.getHeaders().getContentType();
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/tab-separated-values")))
                .isTrue();
        assertThat(type.getCharset()).hasToString("UTF-8");
        assertThat(fec.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(fec.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(business.getSiren() + "FEC20250331.txt");

        List<String[]> rows = fec.getBody().lines().map(l -> l.split("\t", -1)).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactlyElementsOf(FecWriter.COLUMNS);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(18));
        assertThat(rows.get(1)).containsExactly("OD", "Opérations diverses", "1", "20250331",
                "661600", "Intérêts bancaires et sur opérations de financement", "", "",
                "FEES-2025-03", "20250331", "Frais de mars ligne 2", "208,03", "0,00", "", "",
                rows.get(1)[15], "", "");
        assertThat(rows.get(2)).containsExactly("OD", "Opérations diverses", "1", "20250331",
                "401", "Fournisseurs", "401DEF", "Fournisseur — prêteur", "FEES-2025-03",
                "20250331", "Frais de mars ligne 2", "0,00", "208,03", "", "", rows.get(2)[15],
                "", "");
        assertThat(rows.get(1)[15]).matches("\\d{8}");
    }

    @Test
    void fecRefusesMissingParametersAndInvertedPeriod() {
        assertProblem(platform().getForEntity("/api/accounting/fec?businessId="
                + business.getId() + "&from=2025-01-01", JsonNode.class),
                HttpStatus.BAD_REQUEST, "missing-parameter");
        assertProblem(platform().getForEntity("/api/accounting/fec?from=2025-01-01&to=2025-01-31",
                JsonNode.class), HttpStatus.BAD_REQUEST, "missing-parameter");
        assertProblem(platform().getForEntity("/api/accounting/fec?businessId="
                + business.getId() + "&from=2025-02-01&to=2025-01-01", JsonNode.class),
                HttpStatus.BAD_REQUEST, "invalid-period");
        assertProblem(platform().getForEntity("/api/accounting/fec?businessId=nobody"
                + "&from=2025-01-01&to=2025-01-31", JsonNode.class),
                HttpStatus.NOT_FOUND, "not-found");
    }

    private JsonNode ledger(String query) {
        ResponseEntity<JsonNode> response = platform().getForEntity(
                "/api/accounting/entries?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> reverse(String entryId, String reason) {
        return platform().postForEntity("/api/accounting/entries/" + entryId + "/reverse",
                Map.of("reason", reason), JsonNode.class);
    }

    /** Every returned entry balances, line by line, and so do the totals. */
    private static void assertBalanced(JsonNode ledger) {
        assertThat(ledger.get("totalDebit").decimalValue())
                .isEqualByComparingTo(ledger.get("totalCredit").decimalValue());
        for (JsonNode e : ledger.get("entries")) {
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (JsonNode l : e.get("lines")) {
                debit = debit.add(l.get("debit").decimalValue());
                credit = credit.add(l.get("credit").decimalValue());
            }
            assertThat(debit).as("entry %s", e.get("id")).isEqualByComparingTo(credit)
                    .isEqualByComparingTo(e.get("totalDebit").decimalValue());
        }
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status,
                                      String type) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).endsWith("/problems/" + type);
    }

    private TestRestTemplate platform() {
        return rest.withBasicAuth("platform", PASSWORD);
    }

    /** A SIREN with a valid Luhn key, unused by the demo data. */
    private static String validSiren() {
        return fr.cashadvance.connection.TestSirets.newSiret().substring(0, 9);
    }
}
