package fr.cashadvance.invoice.einvoice;

import fr.cashadvance.invoice.einvoice.EInvoiceRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.mustangproject.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Reads an e-invoice file — a Factur-X/ZUGFeRD PDF, a CII XML or a UBL 2.1 XML — into a
 * {@link ParsedInvoice}, or says precisely why it cannot.
 *
 * <p>The work is shared: Mustang finds the invoice XML inside a PDF and reads the document
 * header (number, type, dates, currency). The totals and the parties are read from the XML here,
 * because Mustang recomputes totals from the lines (and disagrees with real files), keeps one
 * identifier per party, takes a UBL trading name for the legal name, lets a UBL local tax scheme
 * overwrite the VAT number, and does not know the UBL CreditNote's type code.
 *
 * <p>Stateless and thread-safe.
 */
@Component
public class EInvoiceParser {

    /** Large enough for a PDF/A-3 with attachments, small enough to refuse a flood. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EInvoiceParser.class);

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F'};

    private final int maxBytes;

    public EInvoiceParser() {
        this(DEFAULT_MAX_BYTES);
    }

    EInvoiceParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param content the file as received
     * @return what the document says about itself
     * @throws EInvoiceRejectedException when the bytes are not a readable CII, UBL or Factur-X
     *     invoice; its code tells which rule failed
     */
    public ParsedInvoice parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw new EInvoiceRejectedException(Reason.EMPTY, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new EInvoiceRejectedException(Reason.TOO_LARGE, "the file has "
                    + content.length + " bytes; at most " + maxBytes + " are accepted");
        }

        try {
            ParsedInvoice invoice = startsWith(content, PDF_MAGIC)
                    ? parsePdf(content)
                    : parseXml(content);
            log.debug("Parsed e-invoice {} ({}, profile {}, type {})", invoice.number(),
                    invoice.format(), invoice.profile(), invoice.typeCode());
            return invoice;
        } catch (EInvoiceRejectedException e) {
            log.info("E-invoice rejected: {} ({})", e.code(), e.detail());
            throw e;
        }
    }

    private ParsedInvoice parseXml(byte[] content) {
        byte[] xml = SecureXml.withoutBom(content);
        Document document = SecureXml.parse(xml, "the file");
        Syntax syntax = Syntax.of(document.getDocumentElement(), "the file");

        MustangImporter importer = new MustangImporter();
        try {
            importer.setRawXML(xml, false);
        } catch (IOException | RuntimeException e) {
            throw new EInvoiceRejectedException(Reason.UNREADABLE,
                    "the invoice XML could not be read: " + e.getMessage(), e);
        }
        EInvoiceFormat format = syntax == Syntax.CII ? EInvoiceFormat.CII : EInvoiceFormat.UBL;
        return read(format, syntax, document, importer);
    }

    private ParsedInvoice parsePdf(byte[] pdf) {
        MustangImporter importer = new MustangImporter();
        try {
            importer.setInputStream(new ByteArrayInputStream(pdf));
        } catch (RuntimeException e) {
            throw new EInvoiceRejectedException(Reason.UNREADABLE,
                    "the PDF could not be read: " + e.getMessage(), e);
        }

        byte[] xml = importer.rawXml();
        if (xml == null) {
            throw whyNoInvoiceIn(pdf);
        }
        // LIMITATION: PDFBox inflates the attachment in full before we see its size, so a
        // compressed XML bomb costs memory up to what it inflates to; this check only spares
        // the XML parsers the work.
        if (xml.length > maxBytes) {
            throw new EInvoiceRejectedException(Reason.TOO_LARGE, "the XML embedded in the PDF"
                    + " has " + xml.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String what = "the XML embedded in the PDF";
        Document document = SecureXml.parse(SecureXml.withoutBom(xml), what);
        Syntax syntax = Syntax.of(document.getDocumentElement(), what);
        if (syntax != Syntax.CII) {
            throw new EInvoiceRejectedException(Reason.UNKNOWN_ROOT, what + " is a UBL "
                    + document.getDocumentElement().getLocalName()
                    + "; a Factur-X/ZUGFeRD PDF must carry a CII CrossIndustryInvoice");
        }
        return read(EInvoiceFormat.FACTURX_PDF, syntax, document, importer);
    }

    private ParsedInvoice read(EInvoiceFormat format, Syntax syntax, Document document,
            MustangImporter importer) {
        Invoice header = extractHeader(importer);
        InvoiceXml xml = new InvoiceXml(document, syntax);

        String number = required(header.getNumber(), "invoice number (BT-1)");
        String typeCode = blankToNull(header.getDocumentCode());
        LocalDate dueDate = toLocalDate(header.getDueDate());
        if (syntax.isUbl()) {
            if (typeCode == null) {
                typeCode = xml.ublTypeCode();
            }
            if (dueDate == null && syntax == Syntax.UBL_CREDIT_NOTE) {
                dueDate = xml.ublCreditNoteDueDate();
            }
        }
        typeCode = required(typeCode, "document type code (BT-3)");
        LocalDate issueDate = toLocalDate(header.getIssueDate());
        if (issueDate == null) {
            throw missing("issue date (BT-2)");
        }
        String currency = required(header.getCurrency(), "invoice currency code (BT-5)");

        BigDecimal totalTtc = xml.totalTtc();
        BigDecimal prepaid = xml.prepaid();
        if (prepaid == null) {
            prepaid = BigDecimal.ZERO.setScale(2);
        }
        BigDecimal amountDue = xml.duePayable();
        if (amountDue == null) {
            amountDue = totalTtc.subtract(prepaid);
        }

        return new ParsedInvoice(format, xml.profile(), number, typeCode, issueDate, dueDate,
                currency, xml.totalHt(), xml.totalVat(currency), totalTtc, prepaid, amountDue,
                xml.seller(), xml.buyer());
    }

    private static Invoice extractHeader(MustangImporter importer) {
        try {
            return importer.extractInvoice();
        } catch (Exception e) {
            // Mustang signals trouble with checked and unchecked exceptions alike.
            throw new EInvoiceRejectedException(Reason.UNREADABLE,
                    "the invoice XML could not be read: " + e.getMessage(), e);
        }
    }

    /** Tells a PDF that holds no invoice from one that is not a readable PDF at all. */
    private static EInvoiceRejectedException whyNoInvoiceIn(byte[] pdf) {
        try (PDDocument ignored = Loader.loadPDF(pdf)) {
            // LIMITATION: Mustang only looks for an attachment named factur-x.xml,
            // zugferd-invoice.xml, ZUGFeRD-invoice.xml or xrechnung.xml, and only in a PDF
            // with XMP metadata; an invoice attached under another name is not found.
            return new EInvoiceRejectedException(Reason.PDF_WITHOUT_INVOICE,
                    "the PDF carries no Factur-X/ZUGFeRD invoice: no attached factur-x.xml,"
                            + " zugferd-invoice.xml or xrechnung.xml was found");
        } catch (IOException e) {
            return new EInvoiceRejectedException(Reason.UNREADABLE,
                    "the PDF could not be read: " + e.getMessage(), e);
        }
    }

    private static LocalDate toLocalDate(Date date) {
        // Mustang parses "yyyyMMdd" at midnight in the JVM's zone; converting back in that
        // same zone returns exactly the calendar date written in the file.
        // LIMITATION: Mustang's date parsing is lenient, so an impossible date such as
        // 20260231 reads as 2026-03-03 instead of being refused.
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    private static String required(String value, String label) {
        String clean = blankToNull(value);
        if (clean == null) {
            throw missing(label);
        }
        return clean;
    }

    private static EInvoiceRejectedException missing(String label) {
        return new EInvoiceRejectedException(Reason.MISSING_FIELD,
                "the document states no " + label);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
