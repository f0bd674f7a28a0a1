package fr.cashadvance.connection;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.common.Money;
import fr.cashadvance.identifiers.VatNumber;
import fr.cashadvance.lender.EligibilityRequest;
import fr.cashadvance.lender.LenderBorrower;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderCreditLine;
import fr.cashadvance.lender.LenderEligibility;
import fr.cashadvance.lender.NewBorrower;
import fr.cashadvance.security.BusinessAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The steps of lender-connection.bpmn, referenced as {@code ${connectionJourney.step(execution)}}. */
@Component("connectionJourney")
public class ConnectionJourney {

    private static final Logger log = LoggerFactory.getLogger(ConnectionJourney.class);

    private final ConnectionRequestRepository requests;
    private final ConnectionService service;
    private final BusinessRepository businesses;
    private final BankAccountService bankAccounts;
    private final LenderClient lender;
    private final BusinessAccess access;
    private final IdentityService identity;
    private final Clock clock;

    public ConnectionJourney(ConnectionRequestRepository requests, ConnectionService service,
                             BusinessRepository businesses, BankAccountService bankAccounts,
                             LenderClient lender, BusinessAccess access, IdentityService identity,
                             Clock clock) {
        this.requests = requests;
        this.service = service;
        this.businesses = businesses;
        this.bankAccounts = bankAccounts;
        this.lender = lender;
        this.access = access;
        this.identity = identity;
        this.clock = clock;
    }

    // LIMITATION: an operator who starts a connection from Tasklist sees only "process started";
    // the outcome is read with GET /api/businesses?siren= (the community Cockpit shows no
    // finished instances).

    /**
     * Checks SIRET, APE and IBAN. A request from the API was checked already; one from the
     * Tasklist start form is checked here, and refused as a whole (nothing kept) if invalid.
     */
    @Transactional
    public void checkRequest(DelegateExecution execution) {
        String id = (String) execution.getVariable("connectionRequestId");
        ConnectionInput input;
        if (id == null) {
            input = ConnectionRules.normalize(fromForm(execution));
            var violations = ConnectionRules.check(input, today());
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("Demande de connexion invalide : "
                        + violations.stream().map(ConnectionRules.FieldViolation::message)
                        .collect(Collectors.joining(" ")));
            }
            service.refuseIfConnectedOrPending(input.siret().substring(0, 9));
            var request = new ConnectionRequest(UUID.randomUUID().toString(), input,
                    actor(), Instant.now(clock));
            request.processInstanceId(execution.getProcessInstanceId());
            requests.saveAndFlush(request);
            execution.setVariable("connectionRequestId", request.getId());
            execution.setProcessBusinessKey(request.getId());
            // The IBAN now lives in the request row; the process keeps no full IBAN (the
            // history got it masked by IbanFreeHistory).
            execution.removeVariable("iban");
        } else {
            input = request(execution).input();
        }
        // The company's tenant, which this journey already runs in, exists from now on.
        access.ensureBusinessGroup(input.siret().substring(0, 9), input.legalName());
        execution.setVariable("apeCode", input.apeCode());
        execution.setVariable("division", Integer.parseInt(input.apeCode().substring(0, 2)));
        execution.setVariable("consent", input.consent());
    }

    @Transactional
    public void recordNotEligible(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) execution.getVariable("apeDecision");
        ConnectionRequest r = request(execution);
        r.decide(ConnectionRequestStatus.NOT_ELIGIBLE, "Secteur d'activité non éligible : "
                + decision.get("reason") + " (code APE " + r.getApeCode() + ")", Instant.now(clock));
        log.info("Connection {}: APE {} not eligible", r.getId(), r.getApeCode());
    }

    @Transactional
    public void recordNoConsent(DelegateExecution execution) {
        ConnectionRequest r = request(execution);
        r.decide(ConnectionRequestStatus.REFUSED, "Sans l'accord de partager les informations "
                + "bancaires, pas de connexion.", Instant.now(clock));
    }

    @Transactional(readOnly = true)
    public void shareBankAccounts(DelegateExecution execution) {
        ConnectionRequest r = request(execution);
        execution.setVariable("bankAccountCount", bankAccounts.count(r.getSiren()));
    }

    /** POST /borrowers: the same SIRET again returns the same borrower, so a retry is harmless. */
    @Transactional(readOnly = true)
    public void registerBorrower(DelegateExecution execution) {
        ConnectionRequest r = request(execution);
        ConnectionInput in = r.input();
        LenderBorrower borrower = lender.registerBorrower(new NewBorrower(in.siret(),
                NewBorrower.SIRET, in.legalName(), in.apeCode(), in.companyCreatedOn(),
                in.iban(), new NewBorrower.Representative(in.representativeFirstName(),
                in.representativeLastName(), in.representativeEmail(),
                in.representativePhone()), bankAccounts.forLender(r.getSiren())));
        execution.setVariable("borrowerId", borrower.id());
        log.info("Connection {}: borrower {} registered at the lender", r.getId(), borrower.id());
    }

    /** Reads eligibility and the credit limit; connects the business, or records the refusal. */
    @Transactional
    public void readCreditLimit(DelegateExecution execution) {
        ConnectionRequest r = request(execution);
        String borrowerId = (String) execution.getVariable("borrowerId");
        LenderEligibility eligibility = lender.checkEligibility(new EligibilityRequest(borrowerId));
        LenderCreditLine line = lender.creditLine(r.getSiren());
        String reasons = eligibility.reasons().stream()
                .map(LenderEligibility.Reason::description)
                .collect(Collectors.joining(" ; "));
        Instant now = Instant.now(clock);
        if ("BLOCKED".equals(line.status())) {
            r.decide(ConnectionRequestStatus.NOT_ELIGIBLE, "Refusé par le prêteur"
                    + (reasons.isEmpty() ? "" : " : " + reasons), now);
            execution.setVariable("lenderEligible", false);
            return;
        }
        ConnectionInput in = r.input();
        Business business = businesses.findBySiren(r.getSiren()).orElseGet(() -> new Business(
                UUID.randomUUID().toString(), in.legalName(), r.getSiren(), in.siret(),
                VatNumber.fromSiren(r.getSiren()), in.iban(), in.representativeEmail()));
        business.describe(in.legalName(), in.siret(), VatNumber.fromSiren(r.getSiren()),
                in.apeCode(), in.iban(), in.companyCreatedOn());
        business.setRepresentativeEmail(in.representativeEmail());
        business.setRepresentative(in.representativeFirstName(), in.representativeLastName(),
                in.representativePhone());
        // The limit is the lender's credit line; it can be zero (too little history).
        business.connect(now, Money.fromCents(line.poolAmount()), eligibility.feesDailyRate());
        business.connectedAs(borrowerId);
        businesses.save(business);
        access.ensureGroup(business);
        r.connected(business.getId(), business.getCreditLimit(),
                reasons.isEmpty() ? null : reasons, now);
        execution.setVariable("lenderEligible", true);
        execution.setVariable("businessId", business.getId());
        log.info("Connection {}: business {} (SIREN {}) connected, limit {} EUR", r.getId(),
                business.getId(), r.getSiren(), business.getCreditLimit());
    }

    private ConnectionRequest request(DelegateExecution execution) {
        String id = (String) execution.getVariable("connectionRequestId");
        return requests.findById(id).orElseThrow(
                () -> new IllegalStateException("No connection request " + id));
    }

    private static ConnectionInput fromForm(DelegateExecution e) {
        Object created = e.getVariable("companyCreatedOn");
        LocalDate createdOn = created == null || created.toString().isBlank() ? null
                : LocalDate.parse(created.toString().substring(0, 10));
        return new ConnectionInput(str(e, "siret"), str(e, "legalName"), str(e, "apeCode"),
                str(e, "iban"), createdOn, str(e, "representativeFirstName"),
                str(e, "representativeLastName"), str(e, "representativeEmail"),
                str(e, "representativePhone"), Boolean.TRUE.equals(e.getVariable("consent")));
    }

    private static String str(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? null : v.toString();
    }

    private String actor() {
        var auth = identity.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : "tasklist";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }
}
