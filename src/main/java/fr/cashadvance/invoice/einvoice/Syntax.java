package fr.cashadvance.invoice.einvoice;

import fr.cashadvance.invoice.einvoice.EInvoiceRejectedException.Reason;
import org.w3c.dom.Element;

/** The XML vocabulary of an invoice, told by its root element's name and namespace. */
enum Syntax {
    CII,
    UBL_INVOICE,
    UBL_CREDIT_NOTE;

    static final String NS_CII_RSM =
            "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String NS_CII_RAM =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String NS_UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String NS_UBL_CREDIT_NOTE =
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String NS_UBL_CAC =
            "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String NS_UBL_CBC =
            "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private static final String NS_ZUGFERD_1 =
            "urn:ferd:CrossIndustryDocument:invoice:1p0";

    boolean isUbl() {
        return this != CII;
    }

    /**
     * @param what names the document in the error detail
     * @throws EInvoiceRejectedException when the root is neither CII nor UBL
     */
    static Syntax of(Element root, String what) {
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String local = root.getLocalName();

        if (NS_CII_RSM.equals(ns) && "CrossIndustryInvoice".equals(local)) {
            return CII;
        }
        if (NS_UBL_INVOICE.equals(ns) && "Invoice".equals(local)) {
            return UBL_INVOICE;
        }
        if (NS_UBL_CREDIT_NOTE.equals(ns) && "CreditNote".equals(local)) {
            return UBL_CREDIT_NOTE;
        }

        String detail;
        if (NS_ZUGFERD_1.equals(ns)) {
            detail = what + " is a ZUGFeRD 1.0 CrossIndustryDocument, which is not supported;"
                    + " only CII (ZUGFeRD 2 / Factur-X) and UBL 2.1 are";
        } else {
            detail = "root element " + root.getNodeName()
                    + (ns.isEmpty() ? " (no namespace)" : " (namespace " + ns + ")")
                    + " of " + what + " is neither a CII CrossIndustryInvoice nor a UBL"
                    + " Invoice/CreditNote";
        }
        throw new EInvoiceRejectedException(Reason.UNKNOWN_ROOT, detail);
    }
}
