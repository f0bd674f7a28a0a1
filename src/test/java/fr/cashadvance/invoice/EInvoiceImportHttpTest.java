package fr.cashadvance.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.calendar.TargetCalendar;
import fr.cashadvance.demo.DemoData;
import fr.cashadvance.financing.FinancingRepository;
import fr.cashadvance.financing.JourneyTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every shared e-invoice sample (src/test/resources/einvoices, see EXPECTED.md there) through
 * the HTTP API, as the platform's service account: who may import it, what it reads, and which
 * rules a financing request on it breaks.
 *
 * <p>The context is shared with the other journey tests: every import gets a unique invoice
 * number (numbers are unique per business), and no financing is left in a status that reserves
 * the demo business's credit line.
 */
class EInvoiceImportHttpTest extends JourneyTestSupport {

    /** "LE FOURNISSEUR", the seller of the FNFE samples F20260023 and F20220023. */
    private static final String SELLER_ID = "le-fournisseur";
    private static final String SELLER_SIREN = "123456782";
    private static final String DEMO = DemoData.BUSINESS_ID;
    private static final String PASSWORD = "test-password";

    private static final AtomicInteger SUFFIX = new AtomicInteger();

    @Autowired private BusinessRepository businesses;
    @Autowired private InvoiceRepository invoiceRepository;
    @Autowired private FinancingRepository financingRepository;

    @BeforeEach
    void sellerOfTheFnfeSamplesIsAConnectedBusiness() {
        synchronized (EInvoiceImportHttpTest.class) {
            if (businesses.findBySiren(SELLER_SIREN).isEmpty()) {
                var seller = new Business(SELLER_ID, "LE FOURNISSEUR", SELLER_SIREN,
                        "12345678200077", "FR11123456782", "FR7630006000011234567890189",
                        "compta@le-fournisseur.example");
                // Connected long before any sample was issued: only the samples' own age counts.
                seller.connect(Instant.parse("2015-01-01T09:00:00Z"), new BigDecimal("20000.00"),
                        new BigDecimal("0.000700"));
                businesses.save(seller);
            }
        }
    }

    // ---- the demo business "Au bon moulin" -------------------------------------------------

    @Test
    void demoBusinessImportsItsUblInvoiceWithWhatIsStillOwed() {
        String number = unique("F124212");
        byte[] file = renumber(resource("fr_ubl_en16931_F124212.xml"), "cbc:ID", "F124212",
                number);

        ResponseEntity<JsonNode> response = importFile(file, MediaType.APPLICATION_XML, DEMO);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = response.getBody();
        assertThat(response.getHeaders().getLocation())
                .hasToString("/api/invoices/" + invoice.get("id").asText());
        assertThat(invoice.get("businessId").asText()).isEqualTo(DEMO);
        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("typeCode").asText()).isEqualTo("380");
        assertThat(invoice.get("state").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("source").asText()).isEqualTo("UBL");
        assertThat(invoice.get("issueDate").asText()).isEqualTo("2026-06-17");
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-07-16");
        assertThat(invoice.get("totalTtc").decimalValue()).isEqualByComparingTo("308.03");
        assertThat(invoice.get("prepaidAmount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("208.03");
        assertThat(invoice.at("/seller/siren").asText()).isEqualTo("999999998");
        assertThat(invoice.at("/buyer/siren").asText()).isEqualTo("787878784");
        assertThat(invoice.at("/buyer/vatNumber").asText()).isEqualTo("FR19787878784");
        assertThat(invoice.at("/buyer/country").asText()).isEqualTo("FR");

        JsonNode read = platform().getForObject("/api/invoices/" + invoice.get("id").asText(),
                JsonNode.class);
        assertThat(read.get("number").asText()).isEqualTo(number);
        assertThat(read.get("amountOwed").decimalValue()).isEqualByComparingTo("208.03");
    }

    @Test
    void demoBusinessImportsAMultipartUpload() {
        String number = unique("F124212");
        byte[] file = renumber(resource("fr_ubl_en16931_F124212.xml"), "cbc:ID", "F124212",
                number);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "fr_ubl_en16931_F124212.xml";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> response = platform().exchange(
                "/api/invoices/import?businessId=" + DEMO, HttpMethod.POST,
                new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("number").asText()).isEqualTo(number);
        assertThat(response.getBody().get("amountOwed").decimalValue())
                .isEqualByComparingTo("208.03");
    }

    @Test
    void theSameFileImportedTwiceIsADuplicateNumber() {
        byte[] file = renumber(resource("fr_ubl_en16931_F124212.xml"), "cbc:ID", "F124212",
                unique("F124212"));
        assertThat(importFile(file, MediaType.APPLICATION_XML, DEMO).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long before = invoiceRepository.count();

        ResponseEntity<JsonNode> again = importFile(file, MediaType.APPLICATION_XML, DEMO);

        assertProblem(again, HttpStatus.CONFLICT, "duplicate-invoice-number");
        assertThat(again.getBody().get("field").asText()).isEqualTo("number");
        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    @Test
    void creditNotePdfImportsAsACreditNoteAndIsNeverFinanceable() {
        String number = unique("AV-2017-0005");
        byte[] pdf = renumberPdf(resource("fr_fx_avoir381_basic.pdf"), "AV-2017-0005", number);

        ResponseEntity<JsonNode> response = importFile(pdf, MediaType.APPLICATION_PDF, DEMO);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = response.getBody();
        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("typeCode").asText()).isEqualTo("381");
        assertThat(invoice.get("source").asText()).isEqualTo("FACTURX_PDF");
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("233.47");
        assertThat(invoice.at("/seller/siren").asText()).isEqualTo("999999998");
        assertThat(invoice.at("/buyer/siren").asText()).isEqualTo("787878784");

        assertRefused(invoice, "invoice.not-an-invoice", "invoice.too-old", "invoice.overdue");
    }

    @Test
    void negativeType380ImportsButItsTotalsAreNotPositive() {
        String number = unique("AV-2017-0005");
        byte[] file = renumber(resource("fr_cii_minimum_avoir380_negative.xml"), "ram:ID",
                "AV-2017-0005", number);

        ResponseEntity<JsonNode> response = importFile(file, MediaType.APPLICATION_XML, DEMO);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = response.getBody();
        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("typeCode").asText()).isEqualTo("380");
        assertThat(invoice.get("totalTtc").decimalValue()).isEqualByComparingTo("-233.47");
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("-233.47");
        assertThat(invoice.at("/buyer/siren").asText()).isEqualTo("787878784");

        List<String> rules = assertRefused(invoice, "invoice.totals-not-positive",
                "invoice.too-old");
        assertThat(rules).doesNotContain("invoice.not-an-invoice");
    }

    @Test
    void spanishBuyerIsEligibleAndOnlyTheInvoiceAgeIsRefused() {
        String number = unique("FA-2017-0008");
        byte[] pdf = renumberPdf(resource("fr_fx_ue_basicwl_buyerES.pdf"), "FA-2017-0008",
                number);

        ResponseEntity<JsonNode> response = importFile(pdf, MediaType.APPLICATION_PDF, DEMO);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = response.getBody();
        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("typeCode").asText()).isEqualTo("380");
        assertThat(invoice.get("sourceProfile").asText()).isEqualTo("BASIC WL");
        assertThat(invoice.get("totalTtc").decimalValue()).isEqualByComparingTo("2076.76");
        assertThat(invoice.get("prepaidAmount").decimalValue()).isEqualByComparingTo("623.00");
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("1453.76");
        assertThat(invoice.at("/buyer/country").asText()).isEqualTo("ES");
        assertThat(invoice.at("/buyer/vatNumber").asText()).isEqualTo("ESA12345674");
        assertThat(invoice.at("/buyer/siren").isMissingNode()
                || invoice.at("/buyer/siren").isNull()).isTrue();

        List<String> rules = assertRefused(invoice, "invoice.too-old");
        assertThat(rules).noneMatch(rule -> rule.startsWith("buyer."))
                .doesNotContain("invoice.not-an-invoice", "invoice.totals-not-positive",
                        "invoice.currency-not-eur");
    }

    @Test
    void ublInvoiceAsShippedIsTooOldAndOverdue() {
        byte[] file = renumber(resource("fr_ubl_en16931_F124212.xml"), "cbc:ID", "F124212",
                unique("F124212"));
        JsonNode invoice = importFile(file, MediaType.APPLICATION_XML, DEMO).getBody();

        List<String> rules = assertRefused(invoice, "invoice.too-old", "invoice.overdue");
        assertThat(rules).noneMatch(rule -> rule.startsWith("buyer."));
    }

    @Test
    void ublInvoiceRedatedIsFinanceableForWhatIsStillOwed() {
        String number = unique("F124212");
        String xml = new String(resource("fr_ubl_en16931_F124212.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<cbc:ID>F124212</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>")
                .replaceFirst("<cbc:IssueDate>2026-06-17</cbc:IssueDate>",
                        "<cbc:IssueDate>" + today().minusDays(3) + "</cbc:IssueDate>")
                .replaceFirst("<cbc:DueDate>2026-07-16</cbc:DueDate>",
                        "<cbc:DueDate>" + today().plusDays(45) + "</cbc:DueDate>");
        JsonNode invoice = importFile(xml.getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_XML, DEMO).getBody();
        assertThat(invoice.get("issueDate").asText()).isEqualTo(today().minusDays(3).toString());

        ResponseEntity<JsonNode> requested = platform().postForEntity(
                "/api/invoices/" + invoice.get("id").asText() + "/financings", null,
                JsonNode.class);

        assertThat(requested.getStatusCode()).as("%s", requested.getBody())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode financing = requested.getBody();
        String id = financing.get("id").asText();
        try {
            assertThat(financing.get("status").asText()).isEqualTo("REQUESTED");
            assertThat(financing.get("amount").decimalValue()).isEqualByComparingTo("208.03");
            assertThat(financing.get("invoiceId").asText())
                    .isEqualTo(invoice.get("id").asText());
            LocalDate repayment = LocalDate.parse(financing.get("repaymentDate").asText());
            assertThat(repayment).isEqualTo(
                    TargetCalendar.nextBusinessDayOnOrAfter(today().plusDays(45)));
        } finally {
            // Give the shared demo credit line back to the other tests.
            ResponseEntity<JsonNode> cancelled = platform().postForEntity(
                    "/api/financings/" + id + "/cancel", null, JsonNode.class);
            assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr_cii_en16931_F20260023.xml", "fr_cii_basic_F20260023.xml",
            "fr_cii_minimum_F20260023.xml", "fr_fx_en16931_F20260023_attach.pdf",
            "fr_fx_minimum_F20220023.pdf"})
    void demoBusinessCannotImportTheInvoiceOfAnotherSeller(String file) {
        long before = invoiceRepository.count();

        ResponseEntity<JsonNode> response = importFile(resource(file), mediaTypeOf(file), DEMO);

        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "seller-mismatch");
        assertThat(response.getBody().get("rule").asText())
                .isEqualTo("einvoice.seller-not-this-business");
        assertThat(response.getBody().get("detail").asText()).contains(SELLER_SIREN, DEMO);
        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({
        "be_ubl_creditnote381.xml, BE0000000196",
        "de_cii_extended_GBP.xml, DE123456789",
        "nl_cii_en16931_example1.xml, NL820098395B01"
    })
    void foreignSellersAreNoBusinessOfThisService(String file, String sellerVat) {
        long before = invoiceRepository.count();

        for (String businessId : new String[] {DEMO, null}) {
            ResponseEntity<JsonNode> response =
                    importFile(resource(file), MediaType.APPLICATION_XML, businessId);

            assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "unknown-seller");
            assertThat(response.getBody().get("rule").asText())
                    .isEqualTo("einvoice.seller-unknown");
            assertThat(response.getBody().get("detail").asText()).contains(sellerVat);
        }
        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({
        "de_cii_bad_root.xml, einvoice.unknown-root, rsm:myinvoice",
        "bad_xml_not_xml.xml, einvoice.not-xml, not well-formed XML"
    })
    void filesThatAreNoInvoiceAreRefusedWithTheReason(String file, String rule, String why) {
        long before = invoiceRepository.count();

        ResponseEntity<JsonNode> response = importFile(resource(file), MediaType.APPLICATION_XML,
                DEMO);

        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "einvoice-unreadable");
        assertThat(response.getBody().get("rule").asText()).isEqualTo(rule);
        assertThat(response.getBody().get("detail").asText()).contains(why);
        assertThat(invoiceRepository.count()).isEqualTo(before);
    }

    // ---- their seller, "LE FOURNISSEUR" ----------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "fr_cii_en16931_F20260023.xml, CII, EN16931",
        "fr_cii_basic_F20260023.xml, CII, BASIC",
        "fr_fx_en16931_F20260023_attach.pdf, FACTURX_PDF, EN16931"
    })
    void sellerImportsTheFnfeSampleWhichIsTooOldOverdueAndNamesAnInvalidBuyer(
            String file, String source, String profile) {
        String number = unique("F20260023");
        JsonNode invoice = importForSeller(file, "F20260023", number);

        assertThat(invoice.get("businessId").asText()).isEqualTo(SELLER_ID);
        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("typeCode").asText()).isEqualTo("380");
        assertThat(invoice.get("source").asText()).isEqualTo(source);
        assertThat(invoice.get("sourceProfile").asText()).isEqualTo(profile);
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-03-02");
        assertThat(invoice.get("totalHt").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(invoice.get("totalVat").decimalValue()).isEqualByComparingTo("4.90");
        assertThat(invoice.get("totalTtc").decimalValue()).isEqualByComparingTo("104.90");
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("104.90");
        assertThat(invoice.at("/seller/siren").asText()).isEqualTo(SELLER_SIREN);
        assertThat(invoice.at("/buyer/siren").asText()).isEqualTo("987654321");
        assertThat(invoice.at("/buyer/country").asText()).isEqualTo("FR");

        List<String> rules = assertRefused(invoice, "invoice.too-old", "invoice.overdue",
                "buyer.siren-invalid");
        // Header totals add up (100.00 + 4.90 = 104.90), whatever the lines recompute to.
        assertThat(rules).doesNotContain("invoice.totals-inconsistent",
                "invoice.totals-not-positive", "invoice.not-an-invoice",
                "invoice.issued-before-connection", "business.not-connected");
    }

    @Test
    void sellerImportsTheMinimumCiiWhoseFinancingNeedsAnExplicitDate() {
        String number = unique("F20260023");
        JsonNode invoice = importForSeller("fr_cii_minimum_F20260023.xml", "F20260023", number);

        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("sourceProfile").asText()).isEqualTo("MINIMUM");
        assertThat(invoice.has("dueDate")).as("no due date in %s", invoice).isFalse();
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("104.90");

        ResponseEntity<JsonNode> withoutDate = requestFinancing(invoice, null);
        assertProblem(withoutDate, HttpStatus.UNPROCESSABLE_ENTITY, null);
        assertThat(withoutDate.getBody().get("field").asText()).isEqualTo("repaymentDate");
        assertThat(withoutDate.getBody().get("detail").asText()).contains("repaymentDate");
        assertThat(rulesOf(withoutDate)).contains("repayment-date.required", "invoice.too-old");

        ResponseEntity<JsonNode> withDate = requestFinancing(invoice,
                TargetCalendar.plusBusinessDays(today(), 10));
        assertProblem(withDate, HttpStatus.UNPROCESSABLE_ENTITY, "invoice-not-financeable");
        assertThat(rulesOf(withDate)).contains("invoice.too-old", "buyer.siren-invalid")
                .doesNotContain("repayment-date.required", "invoice.overdue");
        assertNoFinancing(invoice);
    }

    @Test
    void minimumInvoiceRedatedWithAValidFrenchBuyerIsFinanceableWithAnExplicitDate() {
        // MINIMUM gives the buyer's SIREN but no address: the SIREN makes the buyer French.
        String number = unique("F20260023");
        String xml = new String(resource("fr_cii_minimum_F20260023.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<ram:ID>F20260023</ram:ID>", "<ram:ID>" + number + "</ram:ID>")
                .replaceFirst(">20260131<", ">" + today().minusDays(3).toString()
                        .replace("-", "") + "<")
                .replaceFirst(">987654321<", ">" + BUYER_SIREN + "<");
        ResponseEntity<JsonNode> imported = importFile(xml.getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_XML, null);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = imported.getBody();
        assertThat(invoice.at("/buyer/country").asText()).isEqualTo("FR");

        ResponseEntity<JsonNode> withoutDate = requestFinancing(invoice, null);
        assertProblem(withoutDate, HttpStatus.UNPROCESSABLE_ENTITY, "repayment-date-required");
        assertThat(rulesOf(withoutDate)).containsExactly("repayment-date.required");

        LocalDate date = TargetCalendar.plusBusinessDays(today(), 10);
        ResponseEntity<JsonNode> requested = requestFinancing(invoice, date);
        assertThat(requested.getStatusCode()).as("%s", requested.getBody())
                .isEqualTo(HttpStatus.CREATED);
        String id = requested.getBody().get("id").asText();
        try {
            assertThat(requested.getBody().get("status").asText()).isEqualTo("REQUESTED");
            assertThat(requested.getBody().get("amount").decimalValue())
                    .isEqualByComparingTo("104.90");
            assertThat(requested.getBody().get("repaymentDate").asText())
                    .isEqualTo(date.toString());
        } finally {
            assertThat(platform().postForEntity("/api/financings/" + id + "/cancel", null,
                    JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void sellerImportsTheMinimumFacturXWhichIsTooOld() {
        String number = unique("F20220023");
        JsonNode invoice = importForSeller("fr_fx_minimum_F20220023.pdf", "F20220023", number);

        assertThat(invoice.get("number").asText()).isEqualTo(number);
        assertThat(invoice.get("source").asText()).isEqualTo("FACTURX_PDF");
        assertThat(invoice.get("sourceProfile").asText()).isEqualTo("MINIMUM");
        assertThat(invoice.get("issueDate").asText()).isEqualTo("2022-01-31");
        assertThat(invoice.has("dueDate")).isFalse();
        assertThat(invoice.get("amountOwed").decimalValue()).isEqualByComparingTo("104.90");

        ResponseEntity<JsonNode> refused = requestFinancing(invoice,
                TargetCalendar.plusBusinessDays(today(), 10));
        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "invoice-not-financeable");
        assertThat(rulesOf(refused)).contains("invoice.too-old");
        assertNoFinancing(invoice);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private TestRestTemplate platform() {
        return rest.withBasicAuth("platform", PASSWORD);
    }

    private ResponseEntity<JsonNode> importFile(byte[] content, MediaType type,
                                                String businessId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        String url = "/api/invoices/import" + (businessId == null ? "" : "?businessId="
                + businessId);
        return platform().exchange(url, HttpMethod.POST, new HttpEntity<>(content, headers),
                JsonNode.class);
    }

    /** Imports a sample of LE FOURNISSEUR under a fresh number, with no business named. */
    private JsonNode importForSeller(String file, String sampleNumber, String number) {
        byte[] content = file.endsWith(".pdf")
                ? renumberPdf(resource(file), sampleNumber, number)
                : renumber(resource(file), "ram:ID", sampleNumber, number);
        ResponseEntity<JsonNode> response = importFile(content, mediaTypeOf(file), null);
        assertThat(response.getStatusCode()).as("%s", response.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> requestFinancing(JsonNode invoice, LocalDate date) {
        Object body = date == null ? null : Map.of("repaymentDate", date.toString());
        return platform().postForEntity(
                "/api/invoices/" + invoice.get("id").asText() + "/financings", body,
                JsonNode.class);
    }

    /** Asks for a financing with no date: 422 listing at least these rules; nothing started. */
    private List<String> assertRefused(JsonNode invoice, String... rules) {
        ResponseEntity<JsonNode> response = requestFinancing(invoice, null);
        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "invoice-not-financeable");
        List<String> found = rulesOf(response);
        assertThat(found).contains(rules);
        for (JsonNode v : response.getBody().get("violations")) {
            assertThat(v.get("message").asText()).as("French message of %s", v).isNotBlank();
        }
        assertThat(response.getBody().get("detail").asText()).contains(rules);
        assertNoFinancing(invoice);
        return found;
    }

    private void assertNoFinancing(JsonNode invoice) {
        String id = invoice.get("id").asText();
        assertThat(financingRepository.findByInvoiceIdOrderByRequestedAtDesc(id)).isEmpty();
        JsonNode read = platform().getForObject("/api/invoices/" + id, JsonNode.class);
        assertThat(read.get("locked").asBoolean()).isFalse();
    }

    private static List<String> rulesOf(ResponseEntity<JsonNode> response) {
        List<String> rules = new ArrayList<>();
        JsonNode violations = response.getBody().get("violations");
        assertThat(violations).as("violations in %s", response.getBody()).isNotNull();
        violations.forEach(v -> rules.add(v.get("rule").asText()));
        return rules;
    }

    /** RFC 9457: the problem media type and its four members; {@code type} ends as given. */
    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status,
                                      String typeSuffix) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType())
                .isNotNull()
                .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        JsonNode body = response.getBody();
        assertThat(body.get("status").asInt()).isEqualTo(status.value());
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("type").asText()).startsWith("https://");
        if (typeSuffix != null) {
            assertThat(body.get("type").asText()).endsWith("/" + typeSuffix);
        }
    }

    private static MediaType mediaTypeOf(String file) {
        return file.endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_XML;
    }

    private static String unique(String sampleNumber) {
        return sampleNumber + "-H" + System.nanoTime() % 1_000_000_000L + "-"
                + SUFFIX.incrementAndGet();
    }

    /** Replaces the first {@code <element>sample</element>}: the document's own number. */
    private static byte[] renumber(byte[] xml, String element, String sample, String number) {
        String text = new String(xml, StandardCharsets.UTF_8);
        String target = "<" + element + ">" + sample + "</" + element + ">";
        assertThat(text).contains(target);
        return text.replaceFirst(Pattern.quote(target),
                "<" + element + ">" + number + "</" + element + ">")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Renumbers the CII XML a Factur-X PDF carries, leaving the rest of the PDF as it is. */
    private static byte[] renumberPdf(byte[] pdf, String sample, String number) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDEmbeddedFilesNameTreeNode tree =
                    document.getDocumentCatalog().getNames().getEmbeddedFiles();
            List<PDComplexFileSpecification> specs = new ArrayList<>();
            collect(tree, specs);
            boolean replaced = false;
            for (PDComplexFileSpecification spec : specs) {
                String name = spec.getFileUnicode() != null ? spec.getFileUnicode()
                        : spec.getFilename();
                if (name == null || !name.toLowerCase().endsWith(".xml")
                        || !(name.toLowerCase().contains("factur-x")
                        || name.toLowerCase().contains("zugferd"))) {
                    continue;
                }
                PDEmbeddedFile old = spec.getEmbeddedFileUnicode() != null
                        ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
                byte[] xml = renumber(old.toByteArray(), "ram:ID", sample, number);
                var fresh = new PDEmbeddedFile(document, new ByteArrayInputStream(xml));
                fresh.setSubtype(old.getSubtype());
                fresh.setSize(xml.length);
                fresh.setModDate(old.getModDate());
                spec.setEmbeddedFile(fresh);
                if (spec.getEmbeddedFileUnicode() != null) {
                    spec.setEmbeddedFileUnicode(fresh);
                }
                replaced = true;
            }
            assertThat(replaced).as("a Factur-X XML in the PDF").isTrue();
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node,
                                List<PDComplexFileSpecification> specs) throws IOException {
        if (node == null) {
            return;
        }
        if (node.getNames() != null) {
            specs.addAll(node.getNames().values());
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, specs);
            }
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = EInvoiceImportHttpTest.class
                .getResourceAsStream("/einvoices/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
