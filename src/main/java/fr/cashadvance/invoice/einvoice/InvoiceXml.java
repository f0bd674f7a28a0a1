package fr.cashadvance.invoice.einvoice;

import fr.cashadvance.invoice.einvoice.EInvoiceRejectedException.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads, with namespace-aware XPath, what Mustang does not expose or gets wrong: the document's
 * own header totals, its parties with all their identifiers, its profile, and the type code and
 * due date of a UBL CreditNote.
 */
final class InvoiceXml {

    private static final Map<String, String> PREFIXES = Map.of(
            "rsm", Syntax.NS_CII_RSM,
            "ram", Syntax.NS_CII_RAM,
            "cac", Syntax.NS_UBL_CAC,
            "cbc", Syntax.NS_UBL_CBC);

    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(String namespaceUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            throw new UnsupportedOperationException();
        }
    };

    private static final String CII_TRANSACTION =
            "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";
    private static final String CII_SUMMATION = CII_TRANSACTION
            + "/ram:ApplicableHeaderTradeSettlement"
            + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
    private static final String UBL_TOTALS = "/*/cac:LegalMonetaryTotal";

    /** xs:decimal as EN 16931 allows it: no exponent, no thousands separator. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final Document document;
    private final Syntax syntax;
    private final XPath xpath;

    InvoiceXml(Document document, Syntax syntax) {
        this.document = document;
        this.syntax = syntax;
        this.xpath = newXPath();
    }

    String profile() {
        String id = text(document, syntax.isUbl()
                ? "/*/cbc:CustomizationID"
                : "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext"
                        + "/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID");
        return id == null ? null : shortProfile(id);
    }

    /** CreditNoteTypeCode, which Mustang does not read (it looks for InvoiceTypeCode only). */
    String ublTypeCode() {
        return text(document, syntax == Syntax.UBL_CREDIT_NOTE
                ? "/*/cbc:CreditNoteTypeCode"
                : "/*/cbc:InvoiceTypeCode");
    }

    /** A UBL CreditNote has no cbc:DueDate; its BT-9 sits in the payment means. */
    LocalDate ublCreditNoteDueDate() {
        String due = text(document, "/*/cac:PaymentMeans/cbc:PaymentDueDate");
        if (due == null) {
            return null;
        }
        try {
            return LocalDate.parse(due);
        } catch (DateTimeParseException e) {
            throw invalid("PaymentDueDate (BT-9) '" + due + "' is not a date (YYYY-MM-DD)");
        }
    }

    BigDecimal totalHt() {
        return syntax.isUbl()
                ? requiredAmount(UBL_TOTALS + "/cbc:TaxExclusiveAmount",
                        "TaxExclusiveAmount (BT-109)")
                : requiredAmount(CII_SUMMATION + "/ram:TaxBasisTotalAmount",
                        "TaxBasisTotalAmount (BT-109)");
    }

    /**
     * BT-110. A document may state its VAT twice, in the invoice currency (BT-110) and in an
     * accounting currency (BT-111); the one in the invoice currency is the one that adds up.
     */
    BigDecimal totalVat(String currency) {
        String path = syntax.isUbl() ? "/*/cac:TaxTotal/cbc:TaxAmount"
                : CII_SUMMATION + "/ram:TaxTotalAmount";
        String label = syntax.isUbl() ? "TaxAmount (BT-110)" : "TaxTotalAmount (BT-110)";
        List<Element> amounts = elements(path);

        Element chosen = amounts.stream()
                .filter(e -> currency.equals(e.getAttribute("currencyID").trim()))
                .findFirst()
                .or(() -> amounts.stream()
                        .filter(e -> e.getAttribute("currencyID").isBlank())
                        .findFirst())
                .or(() -> amounts.stream().findFirst())
                .orElse(null);
        // An absent BT-110 means no VAT is charged on the document.
        return chosen == null ? BigDecimal.ZERO.setScale(2) : amount(chosen, label);
    }

    BigDecimal totalTtc() {
        return syntax.isUbl()
                ? requiredAmount(UBL_TOTALS + "/cbc:TaxInclusiveAmount",
                        "TaxInclusiveAmount (BT-112)")
                : requiredAmount(CII_SUMMATION + "/ram:GrandTotalAmount",
                        "GrandTotalAmount (BT-112)");
    }

    /** BT-113, null when the document states none. */
    BigDecimal prepaid() {
        return syntax.isUbl()
                ? optionalAmount(UBL_TOTALS + "/cbc:PrepaidAmount", "PrepaidAmount (BT-113)")
                : optionalAmount(CII_SUMMATION + "/ram:TotalPrepaidAmount",
                        "TotalPrepaidAmount (BT-113)");
    }

    /** BT-115, null when the document states none. */
    BigDecimal duePayable() {
        return syntax.isUbl()
                ? optionalAmount(UBL_TOTALS + "/cbc:PayableAmount", "PayableAmount (BT-115)")
                : optionalAmount(CII_SUMMATION + "/ram:DuePayableAmount",
                        "DuePayableAmount (BT-115)");
    }

    Party seller() {
        return syntax.isUbl()
                ? ublParty("/*/cac:AccountingSupplierParty/cac:Party", "seller (BG-4)")
                : ciiParty(CII_TRANSACTION
                        + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty",
                        "SellerTradeParty (BG-4)");
    }

    Party buyer() {
        return syntax.isUbl()
                ? ublParty("/*/cac:AccountingCustomerParty/cac:Party", "buyer (BG-7)")
                : ciiParty(CII_TRANSACTION
                        + "/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty",
                        "BuyerTradeParty (BG-7)");
    }

    private Party ciiParty(String path, String label) {
        Element party = requiredElement(path, label);
        String name = required(party, "ram:Name", label + " Name");
        PartyBuilder builder = new PartyBuilder(name,
                text(party, "ram:PostalTradeAddress/ram:CountryID"));

        for (Element id : elements(party, "ram:SpecifiedLegalOrganization/ram:ID")) {
            builder.identifier(scheme(id), value(id));
        }
        for (Element id : elements(party, "ram:GlobalID | ram:ID")) {
            builder.identifier(scheme(id), value(id));
        }
        for (Element id : elements(party, "ram:SpecifiedTaxRegistration/ram:ID")) {
            builder.taxRegistration(scheme(id), value(id));
        }
        for (Element id : elements(party, "ram:URIUniversalCommunication/ram:URIID")) {
            builder.other(scheme(id), value(id));
        }
        return builder.build();
    }

    private Party ublParty(String path, String label) {
        Element party = requiredElement(path, label);
        // RegistrationName is BT-27, the legal name; PartyName is only the trading name
        // (BT-28), which Mustang returns as the name.
        String name = text(party, "cac:PartyLegalEntity/cbc:RegistrationName");
        if (name == null) {
            name = required(party, "cac:PartyName/cbc:Name", label + " name");
        }
        PartyBuilder builder = new PartyBuilder(name,
                text(party, "cac:PostalAddress/cac:Country/cbc:IdentificationCode"));

        for (Element id : elements(party, "cac:PartyLegalEntity/cbc:CompanyID")) {
            builder.identifier(scheme(id), value(id));
        }
        for (Element id : elements(party, "cac:PartyIdentification/cbc:ID")) {
            builder.identifier(scheme(id), value(id));
        }
        for (Element taxScheme : elements(party, "cac:PartyTaxScheme")) {
            builder.taxRegistration(text(taxScheme, "cac:TaxScheme/cbc:ID"),
                    text(taxScheme, "cbc:CompanyID"));
        }
        for (Element id : elements(party, "cbc:EndpointID")) {
            builder.other(scheme(id), value(id));
        }
        return builder.build();
    }

    private BigDecimal requiredAmount(String path, String label) {
        BigDecimal amount = optionalAmount(path, label);
        if (amount == null) {
            throw new EInvoiceRejectedException(Reason.MISSING_FIELD,
                    "the document states no " + label);
        }
        return amount;
    }

    private BigDecimal optionalAmount(String path, String label) {
        List<Element> found = elements(path);
        return found.isEmpty() ? null : amount(found.get(0), label);
    }

    /**
     * Header totals are money the business will be advanced, so they are taken exactly as
     * written or not at all: EN 16931 allows at most 2 decimals for them, and a value with more
     * significant decimals is refused rather than rounded. Trailing zeros ("104.900") are fine.
     */
    private static BigDecimal amount(Element element, String label) {
        String raw = value(element);
        if (raw == null || !DECIMAL.matcher(raw).matches()) {
            throw invalid(label + " '" + raw + "' is not a decimal amount");
        }
        BigDecimal amount = new BigDecimal(raw);
        if (amount.stripTrailingZeros().scale() > 2) {
            throw invalid(label + " " + raw + " has more than 2 decimals; EN 16931 allows"
                    + " at most 2 for document totals and this service does not round money");
        }
        return amount.setScale(2);
    }

    // LIMITATION: the profile is recognised by keywords in the URN, not against the full list
    // of published identifiers; an unknown URN is returned as written.
    private static String shortProfile(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.contains("minimum")) {
            return "MINIMUM";
        }
        if (lower.contains("basicwl")) {
            return "BASIC WL";
        }
        if (lower.contains("basic")) {
            return "BASIC";
        }
        if (lower.contains("extended")) {
            return "EXTENDED";
        }
        if (lower.contains("xrechnung")) {
            return "XRECHNUNG";
        }
        if (lower.equals("urn:cen.eu:en16931:2017") || lower.contains("en16931")) {
            return "EN16931";
        }
        return id;
    }

    private static String scheme(Element element) {
        String scheme = element.getAttribute("schemeID").trim();
        return scheme.isEmpty() ? null : scheme;
    }

    private static String value(Element element) {
        String text = element.getTextContent();
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private Element requiredElement(String path, String label) {
        List<Element> found = elements(path);
        if (found.isEmpty()) {
            throw new EInvoiceRejectedException(Reason.MISSING_FIELD,
                    "the document has no " + label);
        }
        return found.get(0);
    }

    private String required(Node context, String path, String label) {
        String text = text(context, path);
        if (text == null) {
            throw new EInvoiceRejectedException(Reason.MISSING_FIELD,
                    "the document has no " + label);
        }
        return text;
    }

    private String text(Node context, String path) {
        List<Element> found = elements(context, path);
        return found.isEmpty() ? null : value(found.get(0));
    }

    private List<Element> elements(String path) {
        return elements(document, path);
    }

    private List<Element> elements(Node context, String path) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element) {
                    elements.add(element);
                }
            }
            return elements;
        } catch (XPathExpressionException e) {
            // Our own expressions are constants; one that does not compile is a bug here.
            throw new IllegalStateException("Invalid XPath " + path, e);
        }
    }

    private static EInvoiceRejectedException invalid(String detail) {
        return new EInvoiceRejectedException(Reason.INVALID_VALUE, detail);
    }

    private static XPath newXPath() {
        XPathFactory factory = XPathFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("XPath cannot be configured securely", e);
        }
        XPath xpath = factory.newXPath();
        xpath.setNamespaceContext(NAMESPACES);
        return xpath;
    }
}
