package fr.cashadvance.invoice.einvoice;

import java.io.IOException;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

/**
 * Mustang's importer, tamed: it never recomputes totals into an error, and it stops parsing the
 * invoice as a side effect of finding it in a PDF.
 *
 * <p>Left to itself, Mustang parses the embedded XML while still reading the PDF and swallows
 * any failure into a log line; here the XML is only stored, checked by us, and parsed when
 * {@link #extractInvoice()} is called, so failures surface where we can name them.
 */
final class MustangImporter extends ZUGFeRDInvoiceImporter {

    // LIMITATION: Mustang logs every unreadable PDF or embedded XML at ERROR with a stack
    // trace, although we turn it into a clean rejection; tune the org.mustangproject logger.

    MustangImporter() {
        // Mustang rebuilds the grand total from the lines and throws when it differs; it gets
        // allowances and MINIMUM/BASIC WL profiles wrong, and the header figures are what we
        // use anyway.
        doIgnoreCalculationErrors();
    }

    @Override
    public void setRawXML(byte[] rawXml, boolean parseIntoInvoice) throws IOException {
        super.setRawXML(rawXml, false);
    }

    /** The invoice XML found in the PDF or given directly, null when a PDF held none. */
    byte[] rawXml() {
        return rawXML;
    }
}
