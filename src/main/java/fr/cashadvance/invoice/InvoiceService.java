package fr.cashadvance.invoice;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.financing.FinancingRepository;
import fr.cashadvance.invoice.einvoice.EInvoiceParser;
import fr.cashadvance.invoice.einvoice.EInvoiceRejectedException;
import fr.cashadvance.invoice.einvoice.ParsedInvoice;
import fr.cashadvance.invoice.einvoice.Party;
import fr.cashadvance.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake and life of invoices: created as drafts, issued, imported, locked by a financing. */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final BusinessRepository businesses;
    private final FinancingRepository financings;
    private final EInvoiceParser parser;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, BusinessRepository businesses,
                          FinancingRepository financings, EInvoiceParser parser, Clock clock) {
        this.invoices = invoices;
        this.businesses = businesses;
        this.financings = financings;
        this.parser = parser;
        this.clock = clock;
    }

    @Transactional
    public InvoiceView create(InvoiceRequest r) {
        Business business = businesses.findById(r.businessId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                        "unknown-business", "Entreprise inconnue",
                        "Field 'businessId': no business with id '" + r.businessId() + "'.")
                        .with("field", "businessId"));
        refuseDuplicateNumber(business.getId(), r.number());

        Instant now = Instant.now(clock);
        var invoice = new Invoice(UUID.randomUUID().toString(), business.getId(),
                InvoiceSource.JSON, now);
        invoice.describe(contentOf(r, business), now);
        if ("ISSUED".equals(r.state())) {
            invoice.issue(now);
        }
        invoices.save(invoice);
        log.info("Invoice {} created for business {} ({})", r.number(), business.getSiren(),
                invoice.getState());
        return InvoiceView.of(invoice);
    }

    /** Replaces a draft's content. Issued or locked invoices are refused with 409. */
    @Transactional
    public InvoiceView update(String id, InvoiceRequest r) {
        Invoice invoice = lockForChange(id);
        if (!invoice.getBusinessId().equals(r.businessId())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "business-mismatch",
                    "Entreprise différente",
                    "Field 'businessId' must stay '" + invoice.getBusinessId() + "'.")
                    .with("field", "businessId");
        }
        if (invoice.getState() == InvoiceState.ISSUED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invoice-issued", "Facture éditée",
                    "Invoice " + invoice.getNumber() + " is issued; it can no longer be changed, "
                            + "only corrected by a credit note.");
        }
        if (!r.number().equals(invoice.getNumber())) {
            refuseDuplicateNumber(invoice.getBusinessId(), r.number());
        }
        Business business = businesses.findById(invoice.getBusinessId()).orElseThrow();
        Instant now = Instant.now(clock);
        invoice.describe(contentOf(r, business), now);
        if ("ISSUED".equals(r.state())) {
            invoice.issue(now);
        }
        return InvoiceView.of(invoice);
    }

    @Transactional
    public InvoiceView issue(String id) {
        Invoice invoice = lockForChange(id);
        if (invoice.getState() != InvoiceState.ISSUED) {
            invoice.issue(Instant.now(clock));
            log.info("Invoice {} issued", invoice.getNumber());
        }
        return InvoiceView.of(invoice);
    }

    @Transactional(readOnly = true)
    public InvoiceView get(String id) {
        return InvoiceView.of(find(id));
    }

    public Invoice find(String id) {
        return invoices.findById(id).orElseThrow(() -> ApiProblem.notFound("Facture", id));
    }

    /** Imports a Factur-X PDF, CII or UBL file for the business its seller identifies. */
    @Transactional
    public InvoiceView importFile(byte[] content, String expectedBusinessId) {
        ParsedInvoice parsed;
        try {
            parsed = parser.parse(content);
        } catch (EInvoiceRejectedException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "einvoice-unreadable",
                    "Facture électronique illisible", e.detail()).with("rule", e.code());
        }
        String sellerSiren = sellerSirenOf(parsed);
        Business business = sellerSiren == null ? null
                : businesses.findBySiren(sellerSiren).orElse(null);
        if (business == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-seller",
                    "Vendeur inconnu", "The seller of invoice " + parsed.number() + " ("
                    + describeSeller(parsed) + ") is not a business known to this service.")
                    .with("rule", "einvoice.seller-unknown");
        }
        if (expectedBusinessId != null && !expectedBusinessId.equals(business.getId())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "seller-mismatch",
                    "Vendeur différent", "The seller of invoice " + parsed.number() + " (SIREN "
                    + sellerSiren + ") is not business '" + expectedBusinessId + "'.")
                    .with("rule", "einvoice.seller-not-this-business");
        }
        refuseDuplicateNumber(business.getId(), parsed.number());

        Instant now = Instant.now(clock);
        var invoice = new Invoice(UUID.randomUUID().toString(), business.getId(),
                sourceOf(parsed), now);
        invoice.describe(contentOf(parsed, sellerSiren), now);
        // An e-invoice exists only once it has been issued: it arrives as such.
        invoice.issue(now);
        invoices.save(invoice);
        log.info("Invoice {} imported from {} for business {}", parsed.number(), parsed.format(),
                business.getSiren());
        return InvoiceView.of(invoice);
    }

    private Invoice lockForChange(String id) {
        Invoice invoice = invoices.lockById(id).orElseThrow(() -> ApiProblem.notFound("Facture", id));
        if (invoice.isLocked()) {
            var financing = financings.findByActiveInvoiceId(id);
            throw new ApiProblem(HttpStatus.CONFLICT, "invoice-locked", "Facture verrouillée",
                    "Invoice " + invoice.getNumber() + " is locked by a confirmed financing"
                            + financing.map(f -> " (" + f.getId() + ", " + f.getStatus() + ")")
                            .orElse("") + "; it cannot be changed.")
                    .with("financingId", financing.map(f -> f.getId()).orElse(null));
        }
        return invoice;
    }

    private void refuseDuplicateNumber(String businessId, String number) {
        if (invoices.existsByBusinessIdAndNumber(businessId, number)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "duplicate-invoice-number",
                    "Numéro de facture déjà utilisé", "This business already has an invoice "
                    + "numbered '" + number + "'.").with("field", "number");
        }
    }

    private static InvoiceContent contentOf(InvoiceRequest r, Business seller) {
        var b = r.buyer();
        return new InvoiceContent(r.number(), r.typeCode() == null ? "380" : r.typeCode(),
                r.issueDate(), r.dueDate(), r.currency(), r.totalHt(), r.totalVat(), r.totalTtc(),
                r.prepaidAmount() == null ? BigDecimal.ZERO.setScale(2) : r.prepaidAmount(),
                seller.getName(), seller.getSiren(), seller.getVatNumber(), b.name(), b.siren(),
                blankToNull(b.vatNumber()), b.country(), null);
    }

    private static InvoiceContent contentOf(ParsedInvoice p, String sellerSiren) {
        var buyer = p.buyer();
        String buyerSiren = buyer == null ? null : buyer.siren();
        return new InvoiceContent(p.number(), p.typeCode(), p.issueDate(), p.dueDate(),
                p.currency(), p.totalHt(), p.totalVat(), p.totalTtc(), p.prepaidAmount(),
                p.seller().name(), sellerSiren, p.seller().vatNumber(),
                buyer == null || buyer.name() == null ? "(inconnu)" : buyer.name(), buyerSiren,
                buyer == null ? null : buyer.vatNumber(), buyerCountryOf(buyer), p.profile());
    }

    /**
     * The MINIMUM profile carries no buyer address: a buyer named by a SIREN (or a SIRET or
     * FR VAT number, from which it is read) is registered in France, so it is French.
     */
    private static String buyerCountryOf(Party buyer) {
        if (buyer == null) {
            return "??";
        }
        if (buyer.countryCode() != null) {
            return buyer.countryCode();
        }
        return buyer.siren() != null ? "FR" : "??";
    }

    private static String sellerSirenOf(ParsedInvoice p) {
        var s = p.seller();
        if (s == null) {
            return null;
        }
        if (s.siren() != null) {
            return s.siren();
        }
        if (s.siret() != null && s.siret().length() == 14) {
            return s.siret().substring(0, 9);
        }
        String vat = s.vatNumber();
        if (vat != null && vat.startsWith("FR") && vat.length() == 13) {
            return vat.substring(4);
        }
        return null;
    }

    private static String describeSeller(ParsedInvoice p) {
        var s = p.seller();
        if (s == null) {
            return "no seller";
        }
        StringBuilder sb = new StringBuilder(s.name() == null ? "unnamed" : s.name());
        if (s.countryCode() != null) {
            sb.append(", ").append(s.countryCode());
        }
        if (s.vatNumber() != null) {
            sb.append(", VAT ").append(s.vatNumber());
        }
        if (s.siren() != null) {
            sb.append(", SIREN ").append(s.siren());
        }
        return sb.toString();
    }

    private static InvoiceSource sourceOf(ParsedInvoice p) {
        return switch (p.format()) {
            case FACTURX_PDF -> InvoiceSource.FACTURX_PDF;
            case CII -> InvoiceSource.CII;
            case UBL -> InvoiceSource.UBL;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
