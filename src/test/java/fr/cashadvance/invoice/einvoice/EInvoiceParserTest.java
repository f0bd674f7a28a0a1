package fr.cashadvance.invoice.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EInvoiceParserTest {

    private static final String DIR = "/einvoices/";

    private final EInvoiceParser parser = new EInvoiceParser();

    /** What each shared sample file says, checked by reading the file itself. */
    record Expected(
            String file,
            EInvoiceFormat format,
            String profile,
            String number,
            String typeCode,
            LocalDate issueDate,
            LocalDate dueDate,
            String currency,
            String totalHt,
            String totalVat,
            String totalTtc,
            String prepaid,
            String amountDue,
            String sellerName,
            String sellerSiren,
            String sellerSiret,
            String sellerVat,
            String sellerCountry,
            String buyerSiren,
            String buyerVat,
            String buyerCountry) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> sampleFiles() {
        return Stream.of(
                new Expected("fr_ubl_en16931_F124212.xml", EInvoiceFormat.UBL, "EN16931",
                        "F124212", "380", date("2026-06-17"), date("2026-07-16"), "EUR",
                        "273.00", "35.03", "308.03", "100.00", "208.03",
                        "Au bon moulin", "999999998", "99999999800019", "FR11999999998", "FR",
                        "787878784", "FR19787878784", "FR"),
                new Expected("fr_cii_en16931_F20260023.xml", EInvoiceFormat.CII, "EN16931",
                        "F20260023", "380", date("2026-01-31"), date("2026-03-02"), "EUR",
                        "100.00", "4.90", "104.90", "0.00", "104.90",
                        "LE FOURNISSEUR", "123456782", "12345678200077", "FR11123456782", "FR",
                        "987654321", "FR05987654321", "FR"),
                new Expected("fr_cii_basic_F20260023.xml", EInvoiceFormat.CII, "BASIC",
                        "F20260023", "380", date("2026-01-31"), date("2026-03-02"), "EUR",
                        "100.00", "4.90", "104.90", "0.00", "104.90",
                        "LE FOURNISSEUR", "123456782", "12345678200077", "FR11123456782", "FR",
                        "987654321", "FR05987654321", "FR"),
                new Expected("fr_fx_en16931_F20260023_attach.pdf", EInvoiceFormat.FACTURX_PDF,
                        "EN16931", "F20260023", "380", date("2026-01-31"), date("2026-03-02"),
                        "EUR", "100.00", "4.90", "104.90", "0.00", "104.90",
                        "LE FOURNISSEUR", "123456782", "12345678200077", "FR11123456782", "FR",
                        "987654321", "FR05987654321", "FR"),
                new Expected("fr_cii_minimum_F20260023.xml", EInvoiceFormat.CII, "MINIMUM",
                        "F20260023", "380", date("2026-01-31"), null, "EUR",
                        "100.00", "4.90", "104.90", "0.00", "104.90",
                        "LE FOURNISSEUR", "123456782", null, "FR11123456782", "FR",
                        "987654321", null, null),
                new Expected("fr_fx_minimum_F20220023.pdf", EInvoiceFormat.FACTURX_PDF,
                        "MINIMUM", "F20220023", "380", date("2022-01-31"), null, "EUR",
                        "100.00", "4.90", "104.90", "0.00", "104.90",
                        "LE FOURNISSEUR", "123456782", null, "FR11123456782", "FR",
                        "987654321", null, null),
                new Expected("fr_fx_avoir381_basic.pdf", EInvoiceFormat.FACTURX_PDF, "BASIC",
                        "AV-2017-0005", "381", date("2017-11-16"), date("2017-11-16"), "EUR",
                        "218.48", "14.99", "233.47", "0.00", "233.47",
                        "Au bon moulin", "999999998", "99999999800010", "FR11999999998", "FR",
                        "787878784", "FR19787878784", "FR"),
                new Expected("fr_cii_minimum_avoir380_negative.xml", EInvoiceFormat.CII,
                        "MINIMUM", "AV-2017-0005", "380", date("2017-11-16"), null, "EUR",
                        "-218.48", "-14.99", "-233.47", "0.00", "-233.47",
                        "Au bon moulin", "999999998", "99999999800010", "FR11999999998", "FR",
                        "787878784", "FR19787878784", "FR"),
                new Expected("fr_fx_ue_basicwl_buyerES.pdf", EInvoiceFormat.FACTURX_PDF,
                        "BASIC WL", "FA-2017-0008", "380", date("2017-11-03"),
                        date("2017-12-03"), "EUR", "2076.76", "0.00", "2076.76", "623.00",
                        "1453.76", "Au bon moulin", "999999998", "99999999800010",
                        "FR11999999998", "FR", null, "ESA12345674", "ES"),
                new Expected("be_ubl_creditnote381.xml", EInvoiceFormat.UBL, "EN16931",
                        "018304 / 28865", "381", date("2019-09-23"), null, "EUR",
                        "100.11", "0.00", "100.11", "0.00", "100.11",
                        "My Supplier Company", null, null, "BE0000000196", "BE",
                        null, "BE0000000295", "BE"),
                new Expected("de_cii_extended_GBP.xml", EInvoiceFormat.CII, "EXTENDED",
                        "47110815", "380", date("2024-11-15"), date("2024-12-01"), "GBP",
                        "858.75", "163.16", "1021.91", "500.00", "521.91",
                        "Rohstoff AG Salzgitter", null, null, "DE123456789", "DE",
                        null, null, "DE"),
                new Expected("nl_cii_en16931_example1.xml", EInvoiceFormat.CII, "EN16931",
                        "12115118", "380", date("2015-01-09"), date("2015-01-09"), "EUR",
                        "229.60", "20.73", "250.33", "0.00", "250.33",
                        "De Koksmaat", null, null, "NL820098395B01", "NL",
                        null, null, "NL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void readsWhatEachSampleFileSays(Expected expected) {
        ParsedInvoice invoice = parser.parse(resource(expected.file()));

        assertThat(invoice.format()).isEqualTo(expected.format());
        assertThat(invoice.profile()).isEqualTo(expected.profile());
        assertThat(invoice.number()).isEqualTo(expected.number());
        assertThat(invoice.typeCode()).isEqualTo(expected.typeCode());
        assertThat(invoice.issueDate()).isEqualTo(expected.issueDate());
        assertThat(invoice.dueDate()).isEqualTo(expected.dueDate());
        assertThat(invoice.currency()).isEqualTo(expected.currency());
        assertThat(invoice.totalHt()).isEqualTo(new BigDecimal(expected.totalHt()));
        assertThat(invoice.totalVat()).isEqualTo(new BigDecimal(expected.totalVat()));
        assertThat(invoice.totalTtc()).isEqualTo(new BigDecimal(expected.totalTtc()));
        assertThat(invoice.prepaidAmount()).isEqualTo(new BigDecimal(expected.prepaid()));
        assertThat(invoice.amountDue()).isEqualTo(new BigDecimal(expected.amountDue()));

        assertThat(invoice.seller().name()).isEqualTo(expected.sellerName());
        assertThat(invoice.seller().siren()).isEqualTo(expected.sellerSiren());
        assertThat(invoice.seller().siret()).isEqualTo(expected.sellerSiret());
        assertThat(invoice.seller().vatNumber()).isEqualTo(expected.sellerVat());
        assertThat(invoice.seller().countryCode()).isEqualTo(expected.sellerCountry());
        assertThat(invoice.buyer().siren()).isEqualTo(expected.buyerSiren());
        assertThat(invoice.buyer().vatNumber()).isEqualTo(expected.buyerVat());
        assertThat(invoice.buyer().countryCode()).isEqualTo(expected.buyerCountry());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void headerTotalsAddUpInEverySample(Expected expected) {
        ParsedInvoice invoice = parser.parse(resource(expected.file()));

        assertThat(invoice.totalHt().add(invoice.totalVat())).isEqualTo(invoice.totalTtc());
        assertThat(invoice.totalTtc().subtract(invoice.prepaidAmount()))
                .isEqualTo(invoice.amountDue());
        assertThat(invoice.totalTtc().scale()).isEqualTo(2);
        assertThat(invoice.amountDue().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "de_cii_bad_root.xml, einvoice.unknown-root, 'root element rsm:myinvoice'",
        "bad_xml_not_xml.xml, einvoice.not-xml, 'the file is not well-formed XML'"
    })
    void rejectsSampleFilesThatAreNoInvoice(String file, String code, String detailStart) {
        EInvoiceRejectedException rejection = rejectionOf(resource(file));

        assertThat(rejection.code()).isEqualTo(code);
        assertThat(rejection.detail()).startsWith(detailStart);
    }

    @Test
    void badRootDetailNamesTheElementAndWhatWasExpected() {
        EInvoiceRejectedException rejection = rejectionOf(resource("de_cii_bad_root.xml"));

        assertThat(rejection.reason()).isEqualTo(EInvoiceRejectedException.Reason.UNKNOWN_ROOT);
        assertThat(rejection.detail()).contains("rsm:myinvoice",
                "is neither a CII CrossIndustryInvoice nor a UBL Invoice/CreditNote");
    }

    @Test
    void keepsTheDocumentTotalWhereMustangWouldRecomputeAnotherOne() {
        // Mustang rebuilds 104.30 from the lines of this official sample (line allowances) and,
        // left to its defaults, throws; the document says 104.90.
        ParsedInvoice invoice = parser.parse(resource("fr_cii_en16931_F20260023.xml"));

        assertThat(invoice.totalTtc()).isEqualByComparingTo("104.90");
        assertThat(invoice.amountDue()).isEqualByComparingTo("104.90");
    }

    @Test
    void takesTheLegalNameAndTheRealVatNumberOfAUblSeller() {
        // The UBL seller's trading name is "L'huile d'olive en folie" and it also has a local
        // tax registration "DGFIP_ref_1242"; neither is what identifies the business.
        Party seller = parser.parse(resource("fr_ubl_en16931_F124212.xml")).seller();

        assertThat(seller.name()).isEqualTo("Au bon moulin");
        assertThat(seller.vatNumber()).isEqualTo("FR11999999998");
        assertThat(seller.otherIds()).containsExactly("0224:Code_ROUTAGE_seller",
                "SEPA:Au bon moulin SARL", "LOC:DGFIP_ref_1242", "0225:999999998_042");
    }

    @Test
    void keepsEveryOtherIdentifierOfACiiParty() {
        Party seller = parser.parse(resource("fr_cii_en16931_F20260023.xml")).seller();

        assertThat(seller.otherIds()).containsExactly("123", "0088:587451236587",
                "0060:DUNS1235487", "0177:ODETTE254879", "EM:moi@seller.com");
    }

    @Test
    void readsTheVatInTheInvoiceCurrencyWhenTwoCurrenciesAreStated() {
        // BT-110 is 163.16 GBP; the same VAT is also given as 183.14 EUR (BT-111).
        ParsedInvoice invoice = parser.parse(resource("de_cii_extended_GBP.xml"));

        assertThat(invoice.totalVat()).isEqualByComparingTo("163.16");
    }

    @Test
    void readsTheDueDateOfAUblCreditNoteFromItsPaymentMeans() {
        // A UBL CreditNote has no cbc:DueDate; BT-9 is cac:PaymentMeans/cbc:PaymentDueDate.
        byte[] xml = replace(resource("be_ubl_creditnote381.xml"),
                "<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>",
                "<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>"
                        + "<cbc:PaymentDueDate>2019-10-23</cbc:PaymentDueDate>");

        assertThat(parser.parse(xml).dueDate()).isEqualTo(date("2019-10-23"));
    }

    @Nested
    class Encoding {

        @Test
        void readsAFileWithAUtf8ByteOrderMark() {
            byte[] withoutBom = resource("fr_cii_minimum_F20260023.xml");
            byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    withoutBom);

            assertThat(parser.parse(withBom)).isEqualTo(parser.parse(withoutBom));
        }

        @Test
        void aBomDoesNotHideABadRoot() {
            // This sample starts with a BOM, then a root that is not an invoice.
            byte[] file = resource("de_cii_bad_root.xml");
            assertThat(Arrays.copyOf(file, 3))
                    .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

            assertThat(rejectionOf(file).code()).isEqualTo("einvoice.unknown-root");
        }
    }

    @Nested
    class Amounts {

        @Test
        void refusesATotalWithThreeSignificantDecimalsInsteadOfRoundingIt() {
            byte[] xml = replace(resource("fr_cii_minimum_F20260023.xml"),
                    "<ram:GrandTotalAmount>104.90<", "<ram:GrandTotalAmount>104.905<");

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.invalid-value");
            assertThat(rejection.detail())
                    .isEqualTo("GrandTotalAmount (BT-112) 104.905 has more than 2 decimals;"
                            + " EN 16931 allows at most 2 for document totals and this service"
                            + " does not round money");
        }

        @Test
        void acceptsThreeDecimalsWhenTheThirdIsZero() {
            byte[] xml = replace(resource("fr_cii_minimum_F20260023.xml"),
                    "<ram:GrandTotalAmount>104.90<", "<ram:GrandTotalAmount>104.900<");

            BigDecimal total = parser.parse(xml).totalTtc();

            assertThat(total).isEqualTo(new BigDecimal("104.90"));
            assertThat(total.scale()).isEqualTo(2);
        }

        @Test
        void refusesAnAmountThatIsNotADecimal() {
            byte[] xml = replace(resource("fr_cii_minimum_F20260023.xml"),
                    "<ram:GrandTotalAmount>104.90<", "<ram:GrandTotalAmount>1.049E2<");

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.invalid-value");
            assertThat(rejection.detail()).contains("GrandTotalAmount (BT-112) '1.049E2'");
        }

        @Test
        void refusesAnInvoiceWithoutGrandTotal() {
            byte[] xml = replace(resource("fr_cii_minimum_F20260023.xml"),
                    "<ram:GrandTotalAmount>104.90</ram:GrandTotalAmount>", "");

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.missing-field");
            assertThat(rejection.detail()).contains("GrandTotalAmount (BT-112)");
        }

        @Test
        void amountDueIsTotalLessPrepaidWhenTheFileStatesNoDuePayable() {
            byte[] xml = replace(resource("fr_ubl_en16931_F124212.xml"),
                    "<cbc:PayableAmount currencyID=\"EUR\">208.03</cbc:PayableAmount>", "");

            ParsedInvoice invoice = parser.parse(xml);

            assertThat(invoice.amountDue()).isEqualByComparingTo("208.03");
        }
    }

    @Nested
    class HostileOrBrokenInput {

        @Test
        void refusesAnEmptyBody() {
            assertThat(rejectionOf(new byte[0]).code()).isEqualTo("einvoice.empty");
            assertThat(rejectionOf(null).code()).isEqualTo("einvoice.empty");
        }

        @Test
        void refusesAFileAboveTenMegabytesBeforeReadingIt() {
            byte[] tooBig = new byte[EInvoiceParser.DEFAULT_MAX_BYTES + 1];
            Arrays.fill(tooBig, (byte) ' ');

            EInvoiceRejectedException rejection = rejectionOf(tooBig);

            assertThat(rejection.code()).isEqualTo("einvoice.too-large");
            assertThat(rejection.detail()).isEqualTo(
                    "the file has 10485761 bytes; at most 10485760 are accepted");
        }

        @Test
        void honoursASmallerLimit() {
            EInvoiceParser strict = new EInvoiceParser(1000);

            assertThatThrownBy(() -> strict.parse(resource("fr_cii_minimum_F20260023.xml")))
                    .isInstanceOfSatisfying(EInvoiceRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo("einvoice.too-large"));
        }

        @Test
        void refusesAnEmbeddedXmlAboveTheLimitEvenWhenThePdfIsSmall() throws IOException {
            String padding = "<!--" + " ".repeat(200_000) + "-->";
            byte[] xml = concat(resource("fr_cii_minimum_F20260023.xml"),
                    padding.getBytes(StandardCharsets.US_ASCII));
            byte[] pdf = pdfCarrying("factur-x.xml", xml);
            assertThat(pdf.length).isLessThan(100_000);

            EInvoiceParser limited = new EInvoiceParser(100_000);

            assertThatThrownBy(() -> limited.parse(pdf))
                    .isInstanceOfSatisfying(EInvoiceRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("einvoice.too-large");
                        assertThat(e.detail()).startsWith("the XML embedded in the PDF has");
                    });
        }

        @Test
        void neverResolvesAnExternalEntity(@TempDir Path dir) throws IOException {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET-42");
            byte[] xml = xxe(secret);

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.doctype-forbidden");
            assertThat(rejection.getMessage()).doesNotContain("TOP-SECRET-42");
            assertThat(rejection.detail()).doesNotContain("TOP-SECRET-42");
        }

        @Test
        void neverResolvesAnExternalEntityInsideAPdf(@TempDir Path dir) throws IOException {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET-42");
            byte[] pdf = pdfCarrying("factur-x.xml", xxe(secret));

            EInvoiceRejectedException rejection = rejectionOf(pdf);

            assertThat(rejection.code()).isEqualTo("einvoice.doctype-forbidden");
            assertThat(rejection.detail()).startsWith("the XML embedded in the PDF declares");
            assertThat(rejection.getMessage()).doesNotContain("TOP-SECRET-42");
        }

        @Test
        void refusesEntityExpansionBombs() {
            String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                    + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                    + "<lolz>&lol2;</lolz>";

            assertThat(rejectionOf(bomb.getBytes(StandardCharsets.UTF_8)).code())
                    .isEqualTo("einvoice.doctype-forbidden");
        }

        @Test
        void refusesATruncatedPdf() {
            byte[] pdf = resource("fr_fx_minimum_F20220023.pdf");
            byte[] firstHalf = Arrays.copyOf(pdf, pdf.length / 2);

            EInvoiceRejectedException rejection = rejectionOf(firstHalf);

            assertThat(rejection.code()).isEqualTo("einvoice.unreadable");
            assertThat(rejection.detail()).startsWith("the PDF could not be read");
        }

        @Test
        void recoversAPdfThatOnlyLostItsTrailer() {
            // PDFBox rebuilds the cross-reference table by scanning objects, so a PDF cut in its
            // last bytes still yields its invoice; that is the library's choice and ours.
            byte[] pdf = resource("fr_fx_minimum_F20220023.pdf");
            byte[] withoutTrailer = Arrays.copyOf(pdf, pdf.length - 200);

            assertThat(parser.parse(withoutTrailer).totalTtc()).isEqualByComparingTo("104.90");
        }

        @Test
        void refusesAPdfHeaderFollowedByGarbage() {
            byte[] garbage = "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII);

            assertThat(rejectionOf(garbage).code()).isEqualTo("einvoice.unreadable");
        }

        @Test
        void refusesAPdfWithoutInvoice() throws IOException {
            byte[] pdf = pdfCarrying(null, null);

            EInvoiceRejectedException rejection = rejectionOf(pdf);

            assertThat(rejection.code()).isEqualTo("einvoice.pdf-without-invoice");
            assertThat(rejection.detail()).contains("factur-x.xml");
        }

        @Test
        void refusesAPdfWhoseInvoiceIsAttachedUnderAnotherName() throws IOException {
            byte[] pdf = pdfCarrying("invoice.xml", resource("fr_cii_minimum_F20260023.xml"));

            assertThat(rejectionOf(pdf).code()).isEqualTo("einvoice.pdf-without-invoice");
        }

        @Test
        void readsAMinimalPdfBuiltHere() throws IOException {
            // Guards the test helper itself: the same builder with a real CII is accepted.
            byte[] pdf = pdfCarrying("factur-x.xml", resource("fr_cii_minimum_F20260023.xml"));

            ParsedInvoice invoice = parser.parse(pdf);

            assertThat(invoice.format()).isEqualTo(EInvoiceFormat.FACTURX_PDF);
            assertThat(invoice.number()).isEqualTo("F20260023");
        }

        @Test
        void refusesAPdfCarryingUbl() throws IOException {
            byte[] pdf = pdfCarrying("factur-x.xml", resource("fr_ubl_en16931_F124212.xml"));

            EInvoiceRejectedException rejection = rejectionOf(pdf);

            assertThat(rejection.code()).isEqualTo("einvoice.unknown-root");
            assertThat(rejection.detail()).contains("must carry a CII CrossIndustryInvoice");
        }

        @Test
        void refusesAPdfCarryingBrokenXml() throws IOException {
            byte[] pdf = pdfCarrying("factur-x.xml", resource("bad_xml_not_xml.xml"));

            EInvoiceRejectedException rejection = rejectionOf(pdf);

            assertThat(rejection.code()).isEqualTo("einvoice.not-xml");
            assertThat(rejection.detail()).startsWith("the XML embedded in the PDF is not");
        }

        @Test
        void refusesWellFormedXmlThatIsNoInvoice() {
            byte[] xml = "<order xmlns=\"urn:example\"/>".getBytes(StandardCharsets.UTF_8);

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.unknown-root");
            assertThat(rejection.detail()).isEqualTo("root element order (namespace urn:example)"
                    + " of the file is neither a CII CrossIndustryInvoice nor a UBL"
                    + " Invoice/CreditNote");
        }

        @Test
        void refusesACiiRootInTheWrongNamespace() {
            byte[] xml = "<CrossIndustryInvoice/>".getBytes(StandardCharsets.UTF_8);

            assertThat(rejectionOf(xml).detail()).startsWith(
                    "root element CrossIndustryInvoice (no namespace) of the file");
        }

        @Test
        void namesZugferdOneAsUnsupported() {
            byte[] xml = ("<rsm:CrossIndustryDocument"
                    + " xmlns:rsm=\"urn:ferd:CrossIndustryDocument:invoice:1p0\"/>")
                    .getBytes(StandardCharsets.UTF_8);

            EInvoiceRejectedException rejection = rejectionOf(xml);

            assertThat(rejection.code()).isEqualTo("einvoice.unknown-root");
            assertThat(rejection.detail()).contains("ZUGFeRD 1.0");
        }
    }

    private EInvoiceRejectedException rejectionOf(byte[] content) {
        EInvoiceRejectedException rejection =
                catchThrowableOfType(EInvoiceRejectedException.class, () -> parser.parse(content));
        assertThat(rejection).as("expected a rejection").isNotNull();
        return rejection;
    }

    private static byte[] xxe(Path secret) {
        String xml = new String(resource("fr_cii_minimum_F20260023.xml"), StandardCharsets.UTF_8);
        String doctype = "<!DOCTYPE rsm:CrossIndustryInvoice [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n";
        xml = xml.replaceFirst("\\?>\\s*", "?>\n" + doctype)
                .replace("<ram:Name>LE FOURNISSEUR</ram:Name>", "<ram:Name>&xxe;</ram:Name>");
        assertThat(xml).contains("<!ENTITY xxe SYSTEM", "&xxe;");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF with XMP metadata and, when a name is given, one attached file. */
    private static byte[] pdfCarrying(String attachmentName, byte[] attachment)
            throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            byte[] xmp = ("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/><?xpacket end=\"w\"?>")
                    .getBytes(StandardCharsets.UTF_8);
            document.getDocumentCatalog().setMetadata(
                    new PDMetadata(document, new ByteArrayInputStream(xmp)));

            if (attachmentName != null) {
                PDEmbeddedFile embedded = new PDEmbeddedFile(document,
                        new ByteArrayInputStream(attachment), COSName.FLATE_DECODE);
                embedded.setSubtype("text/xml");
                embedded.setSize(attachment.length);
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile(attachmentName);
                spec.setFileUnicode(attachmentName);
                spec.setEmbeddedFile(embedded);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of(attachmentName, spec));
                PDDocumentNameDictionary names =
                        new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] resource(String file) {
        try (InputStream in = EInvoiceParserTest.class.getResourceAsStream(DIR + file)) {
            assertThat(in).as("test resource %s", file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replace(byte[] xml, String target, String replacement) {
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains(target);
        return text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
