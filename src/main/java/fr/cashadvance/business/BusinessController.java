package fr.cashadvance.business;

import fr.cashadvance.security.ScopedByCaller;
import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import fr.cashadvance.financing.BalanceService;
import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Businesses")
public class BusinessController {

    private static final Logger log = LoggerFactory.getLogger(BusinessController.class);

    private final BusinessRepository businesses;
    private final BalanceService balance;
    private final Clock clock;

    private final BusinessScope scope;

    public BusinessController(BusinessRepository businesses, BalanceService balance,
                              Clock clock, BusinessScope scope) {
        this.scope = scope;
        this.businesses = businesses;
        this.balance = balance;
        this.clock = clock;
    }

    @GetMapping("/api/businesses/{id}")
    @OwnedResource(OwnedKind.BUSINESS)
    @Operation(summary = "A business's connection, credit limit and available balance")
    @Transactional(readOnly = true)
    public BusinessView get(@PathVariable String id) {
        return view(find(id));
    }

    @GetMapping("/api/businesses")
    @Operation(summary = "Find a business by SIREN")
    @Transactional(readOnly = true)
    @ScopedByCaller("a business user finds only its own business")
    public java.util.List<BusinessView> bySiren(
            @org.springframework.web.bind.annotation.RequestParam String siren) {
        return businesses.findBySiren(siren).filter(b -> scope.current().sees(b.getSiren()))
                .map(this::view).stream().toList();
    }

    @PostMapping("/api/businesses/{id}/disconnect")
    @OwnedResource(OwnedKind.BUSINESS)
    @Operation(summary = "Disconnect from the lender: no new requests; running loans carry on. "
            + "Reconnect with POST /api/connections.")
    @Transactional
    public BusinessView disconnect(@PathVariable String id) {
        Business b = businesses.lockById(id).orElseThrow(() -> ApiProblem.notFound("Entreprise",
                id));
        if (b.getConnectionStatus() == ConnectionStatus.DISCONNECTED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-connected", "Pas connectée",
                    "Business " + id + " is " + b.getConnectionStatus() + ".")
                    .with("connectionStatus", b.getConnectionStatus());
        }
        b.disconnect(Instant.now(clock));
        log.info("Business {} (SIREN {}) disconnected from the lender", id, b.getSiren());
        return view(b);
    }

    private Business find(String id) {
        return businesses.findById(id).orElseThrow(() -> ApiProblem.notFound("Entreprise", id));
    }

    private BusinessView view(Business b) {
        var outstanding = balance.outstanding(b);
        var pending = balance.pendingValidation(b);
        return new BusinessView(b.getId(), b.getName(), b.getSiren(), b.getSiret(),
                b.getApeCode(), Iban.mask(b.getIban()), b.getConnectionStatus(),
                b.getStatusReason(), b.getConnectedAt(), b.connectedOn(), b.getCreditLimit(),
                outstanding, pending, b.isConnected() ? b.getCreditLimit().subtract(outstanding)
                        .subtract(pending) : java.math.BigDecimal.ZERO.setScale(2),
                b.getFeesDailyRate(), b.getLenderBorrowerId());
    }
}
