package fr.cashadvance.security;

import fr.cashadvance.accounting.AccountingEntry;
import fr.cashadvance.accounting.AccountingEntryRepository;
import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.connection.ConnectionRequest;
import fr.cashadvance.connection.ConnectionRequestRepository;
import fr.cashadvance.financing.Financing;
import fr.cashadvance.financing.FinancingRepository;
import fr.cashadvance.invoice.Invoice;
import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.statement.FeeStatement;
import fr.cashadvance.statement.FeeStatementRepository;
import fr.cashadvance.web.ApiProblem;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The business side of authorization: which businesses the current caller may see. A business
 * it may not see answers exactly as one that does not exist (404), so that ids and SIRENs of
 * other businesses cannot be probed.
 */
@Component
public class BusinessScope {

    public static final String GROUP_AUTHORITY = "GROUP_";
    public static final String BUSINESS_GROUP_PREFIX = "business-";

    private final BusinessRepository businesses;
    private final InvoiceRepository invoices;
    private final FinancingRepository financings;
    private final ConnectionRequestRepository connections;
    private final FeeStatementRepository statements;
    private final AccountingEntryRepository entries;

    public BusinessScope(BusinessRepository businesses, InvoiceRepository invoices,
                         FinancingRepository financings, ConnectionRequestRepository connections,
                         FeeStatementRepository statements, AccountingEntryRepository entries) {
        this.businesses = businesses;
        this.invoices = invoices;
        this.financings = financings;
        this.connections = connections;
        this.statements = statements;
        this.entries = entries;
    }

    /** The caller of this request; {@link Caller#SYSTEM} outside any authenticated request. */
    public Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Caller.SYSTEM;
        }
        return of(auth);
    }

    static Caller of(Authentication auth) {
        Set<String> sirens = new TreeSet<>();
        boolean admin = false;
        boolean platform = false;
        boolean operator = false;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            switch (name) {
                case "ROLE_ADMIN" -> admin = true;
                case "ROLE_PLATFORM" -> platform = true;
                case "ROLE_OPERATOR" -> operator = true;
                default -> {
                    if (name.startsWith(GROUP_AUTHORITY + BUSINESS_GROUP_PREFIX)) {
                        sirens.add(name.substring(
                                (GROUP_AUTHORITY + BUSINESS_GROUP_PREFIX).length()));
                    }
                }
            }
        }
        Caller.Role role = admin ? Caller.Role.ADMIN : platform ? Caller.Role.PLATFORM
                : operator ? Caller.Role.OPERATOR
                : sirens.isEmpty() ? Caller.Role.NONE : Caller.Role.BUSINESS;
        return new Caller(auth.getName(), role, role == Caller.Role.BUSINESS ? Set.copyOf(sirens)
                : Set.of());
    }

    /** The SIREN of a business id, if the business exists. */
    public Optional<String> sirenOf(String businessId) {
        return businessId == null ? Optional.empty()
                : businesses.findById(businessId).map(Business::getSiren);
    }

    public boolean seesBusiness(String businessId) {
        Caller caller = current();
        return caller.seesEveryBusiness() || sirenOf(businessId).filter(caller::sees).isPresent();
    }

    /**
     * A resource of a business the caller may not see is reported as not found, exactly like a
     * missing one; a missing one is left to the handler, which says so itself.
     */
    public void requireVisible(OwnedKind kind, String id) {
        Caller caller = current();
        if (caller.seesEveryBusiness()) {
            return;
        }
        if (sirenOwning(kind, id).filter(caller::sees).isEmpty()) {
            throw ApiProblem.notFound(kind.label(), id);
        }
    }

    private Optional<String> sirenOwning(OwnedKind kind, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case BUSINESS -> sirenOf(id);
            case INVOICE -> invoices.findById(id).map(Invoice::getBusinessId)
                    .flatMap(this::sirenOf);
            case FINANCING -> financings.findById(id).map(Financing::getBusinessId)
                    .flatMap(this::sirenOf);
            case CONNECTION -> connections.findById(id).map(ConnectionRequest::getSiren);
            case FEE_STATEMENT -> statements.findById(id).map(FeeStatement::getBusinessId)
                    .flatMap(this::sirenOf);
            case ACCOUNTING_ENTRY -> entries.findById(id).map(AccountingEntry::getBusinessId)
                    .flatMap(this::sirenOf);
        };
    }

    /** A business the caller may not see is reported as not found, like a missing one. */
    public void requireVisibleBusiness(String businessId) {
        if (!seesBusiness(businessId)) {
            throw ApiProblem.notFound("Entreprise", businessId);
        }
    }

    /**
     * For a connection request, which names its company by SIREN: a business user may ask only
     * for its own company (operators may start one for any). A SIREN is public, so saying
     * "not yours" reveals nothing.
     */
    public void requireMayRequestConnection(String siren) {
        Caller caller = current();
        if (caller.role() == Caller.Role.BUSINESS && !caller.sirens().contains(siren)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-your-business",
                    "Entreprise non autorisée", "Account " + caller.userId()
                    + " may act only for its own company; SIREN " + siren + " is not one.")
                    .with("siren", siren);
        }
    }

    /** The businesses a business user belongs to; none for the other roles. */
    public java.util.List<Business> ownBusinesses() {
        return ownBusinesses(current());
    }

    /** The ids of {@link #ownBusinesses()}. */
    public Set<String> ownBusinessIds() {
        Set<String> ids = new TreeSet<>();
        ownBusinesses().forEach(b -> ids.add(b.getId()));
        return ids;
    }

    /**
     * The only business a business user acts for, when a request does not name one; empty for
     * the other roles or for a user of several businesses.
     */
    public Optional<String> ownBusinessId() {
        Caller caller = current();
        if (caller.sirens().size() != 1) {
            return Optional.empty();
        }
        return ownBusinesses(caller).stream().findFirst().map(Business::getId);
    }

    private java.util.List<Business> ownBusinesses(Caller caller) {
        return caller.sirens().stream().map(businesses::findBySiren)
                .flatMap(Optional::stream).toList();
    }
}
