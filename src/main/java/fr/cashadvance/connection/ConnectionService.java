package fr.cashadvance.connection;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.business.ConnectionStatus;
import fr.cashadvance.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a connection: the request is checked in full before anything is stored, then the
 * lender-connection process decides eligibility and registers the borrower.
 */
@Service
public class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
    public static final String PROCESS_KEY = "lender-connection";
    static final int MAX_ACCOUNTS = 20;
    static final int MAX_TRANSACTIONS = 5_000;
    static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("1000000000");

    private final ConnectionRequestRepository requests;
    private final BusinessRepository businesses;
    private final BankAccountService bankAccounts;
    private final RuntimeService runtime;
    private final Clock clock;

    public ConnectionService(ConnectionRequestRepository requests, BusinessRepository businesses,
                             BankAccountService bankAccounts, RuntimeService runtime,
                             Clock clock) {
        this.requests = requests;
        this.businesses = businesses;
        this.bankAccounts = bankAccounts;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    public ConnectionView request(ConnectionBody body, String actor) {
        var rep = body.representative() == null
                ? new ConnectionBody.Representative(null, null, null, null) : body.representative();
        ConnectionInput input = ConnectionRules.normalize(new ConnectionInput(body.siret(),
                body.legalName(), body.apeCode(), body.iban(), body.companyCreatedOn(),
                rep.firstName(), rep.lastName(), rep.email(), rep.phone(),
                Boolean.TRUE.equals(body.consentToShareBankAccounts())));
        var violations = new java.util.ArrayList<>(ConnectionRules.check(input, today()));
        if (!input.consent()) {
            violations.add(new ConnectionRules.FieldViolation("consentToShareBankAccounts",
                    "consent.required", "Sans l'accord de partager les informations bancaires "
                    + "(« J'accepte de partager les informations »), pas de connexion."));
        }
        violations.addAll(checkAccounts(body.bankAccounts()));
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-connection",
                    "Demande de connexion invalide", "The connection request breaks: "
                    + violations.stream().map(v -> v.field() + " (" + v.rule() + ")").toList()
                    + ".").with("violations", violations);
        }
        refuseIfConnectedOrPending(input.siret().substring(0, 9));
        if (body.bankAccounts() != null) {
            bankAccounts.replace(input.siret().substring(0, 9), body.bankAccounts());
        }
        return ConnectionView.of(start(input, actor));
    }

    /** Starts the process for a checked request; its first steps run in this transaction. */
    ConnectionRequest start(ConnectionInput input, String actor) {
        // Flushed now: a concurrent request for the same company fails here, on its unique key.
        var request = requests.saveAndFlush(new ConnectionRequest(UUID.randomUUID().toString(),
                input, actor, Instant.now(clock)));
        Map<String, Object> vars = new HashMap<>();
        vars.put("connectionRequestId", request.getId());
        vars.put("siret", input.siret());
        vars.put("apeCode", input.apeCode());
        vars.put("consent", input.consent());
        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, request.getId(), vars);
        request.processInstanceId(instance.getId());
        log.info("Connection {} requested for SIRET {} by {}", request.getId(), input.siret(),
                actor);
        return request;
    }

    @Transactional(readOnly = true)
    public ConnectionView get(String id) {
        return ConnectionView.of(requests.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("Connexion", id)));
    }

    void refuseIfConnectedOrPending(String siren) {
        var existing = businesses.findBySiren(siren);
        if (existing.isPresent() && existing.get().getConnectionStatus() != ConnectionStatus
                .DISCONNECTED) {
            Business b = existing.get();
            throw new ApiProblem(HttpStatus.CONFLICT, "already-connected", "Déjà connectée",
                    "Business " + b.getId() + " (SIREN " + siren + ") is "
                    + b.getConnectionStatus() + "; disconnect it first to connect again.")
                    .with("businessId", b.getId()).with("connectionStatus", b.getConnectionStatus());
        }
        if (!requests.findBySirenAndStatus(siren, ConnectionRequestStatus.PENDING).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "connection-in-progress",
                    "Connexion en cours", "A connection request for SIREN " + siren
                    + " is already being processed.");
        }
    }

    static List<ConnectionRules.FieldViolation> checkAccounts(
            List<ConnectionBody.Account> accounts) {
        var v = new java.util.ArrayList<ConnectionRules.FieldViolation>();
        if (accounts == null) {
            return v;
        }
        if (accounts.size() > MAX_ACCOUNTS) {
            v.add(new ConnectionRules.FieldViolation("bankAccounts", "too-many",
                    "Au plus " + MAX_ACCOUNTS + " comptes bancaires."));
            return v;
        }
        for (int i = 0; i < accounts.size(); i++) {
            var a = accounts.get(i);
            String field = "bankAccounts[" + i + "]";
            if (a == null || a.iban() == null
                    || !fr.cashadvance.identifiers.Iban.isValid(a.iban())) {
                v.add(new ConnectionRules.FieldViolation(field + ".iban", "iban.invalid",
                        "L'IBAN de ce compte n'est pas valide."));
                continue;
            }
            if (a.bankName() != null && a.bankName().length() > 120) {
                v.add(new ConnectionRules.FieldViolation(field + ".bankName", "too-long",
                        "Le nom de la banque dépasse 120 caractères."));
            }
            if (a.transactions() == null) {
                continue;
            }
            if (a.transactions().size() > MAX_TRANSACTIONS) {
                v.add(new ConnectionRules.FieldViolation(field + ".transactions", "too-many",
                        "Au plus " + MAX_TRANSACTIONS + " opérations par compte."));
                continue;
            }
            for (int t = 0; t < a.transactions().size(); t++) {
                var tx = a.transactions().get(t);
                if (tx == null || tx.date() == null || tx.amount() == null
                        || tx.amount().scale() > 2 || tx.amount().abs().compareTo(MAX_AMOUNT) > 0
                        || tx.date().isAfter(LocalDate.now(ZoneId.of("Europe/Paris")))
                        || (tx.label() != null && tx.label().length() > 200)) {
                    v.add(new ConnectionRules.FieldViolation(field + ".transactions[" + t + "]",
                            "transaction.invalid", "Chaque opération a une date passée, un "
                            + "montant en euros (2 décimales au plus, moins d'un milliard) et un "
                            + "libellé de 200 caractères au plus."));
                }
            }
        }
        return v;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }
}
