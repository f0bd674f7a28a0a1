package fr.cashadvance.connection;

import fr.cashadvance.security.ScopedByCaller;
import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Connections")
public class ConnectionController {

    private final ConnectionService connections;
    private final BankAccountService bankAccounts;

    private final BusinessScope scope;

    public ConnectionController(ConnectionService connections, BankAccountService bankAccounts,
                                BusinessScope scope) {
        this.scope = scope;
        this.connections = connections;
        this.bankAccounts = bankAccounts;
    }

    @PostMapping("/api/connections")
    @Operation(summary = "Connect a business to the lender: SIRET, APE, IBAN, representative, "
            + "consent and the bank accounts known from reconciliation")
    @ScopedByCaller("a business user connects only its own company")
    public ResponseEntity<ConnectionView> connect(@RequestBody ConnectionBody body,
                                                  Principal principal) {
        if (body != null && body.siret() != null && body.siret().length() >= 9) {
            scope.requireMayRequestConnection(body.siret().substring(0, 9));
        }
        ConnectionView view = connections.request(body, principal.getName());
        return ResponseEntity.created(URI.create("/api/connections/" + view.id())).body(view);
    }

    @GetMapping("/api/connections/{id}")
    @OwnedResource(OwnedKind.CONNECTION)
    public ConnectionView get(@PathVariable String id) {
        return connections.get(id);
    }

    @PutMapping("/api/bank-accounts/{siren}")
    @Operation(summary = "What bank reconciliation knows of a company's accounts; used by a "
            + "connection started from Tasklist")
    @ScopedByCaller("platform services only (see SecurityConfig)")
    public Map<String, Object> replaceAccounts(@PathVariable String siren,
                                               @RequestBody List<ConnectionBody.Account> accounts) {
        bankAccounts.replaceChecked(siren, accounts);
        return Map.of("siren", siren, "accounts", bankAccounts.count(siren));
    }
}
