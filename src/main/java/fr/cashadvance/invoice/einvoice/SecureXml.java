package fr.cashadvance.invoice.einvoice;

import fr.cashadvance.invoice.einvoice.EInvoiceRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a namespace-aware DOM with every door to the outside closed.
 *
 * <p>A DOCTYPE is refused outright rather than merely not expanded: e-invoices never need one,
 * and refusing it rules out both external entities (XXE) and entity expansion bombs.
 */
final class SecureXml {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** How far into the bytes we look for a DOCTYPE when naming why a parse failed. */
    private static final int PROLOG_SCAN_LIMIT = 64 * 1024;

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** The bytes without a leading UTF-8 byte order mark, if any. */
    static byte[] withoutBom(byte[] bytes) {
        if (bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3)) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /**
     * @param what names the bytes in error details, e.g. "the file" or "the XML embedded in the
     *     PDF"
     */
    static Document parse(byte[] xml, String what) {
        DocumentBuilder builder = newBuilder();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            if (declaresDoctype(xml)) {
                throw new EInvoiceRejectedException(Reason.DOCTYPE_FORBIDDEN,
                        what + " declares a DOCTYPE; e-invoices must not, and DTDs and entities"
                                + " are refused for safety", e);
            }
            throw new EInvoiceRejectedException(Reason.NOT_XML,
                    what + " is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EInvoiceRejectedException(Reason.UNREADABLE,
                    what + " could not be read: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() {
        // A factory per call: DocumentBuilderFactory is not guaranteed thread-safe and the
        // parser is a singleton bean.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            // The JDK's own parser supports all of these; failing here is a broken runtime.
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    private static boolean declaresDoctype(byte[] xml) {
        // ISO-8859-1 maps bytes one to one, so ASCII markup is found in any ASCII-compatible
        // encoding without decoding the whole document.
        String head = new String(xml, 0, Math.min(xml.length, PROLOG_SCAN_LIMIT),
                StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE");
    }
}
