package fr.cashadvance.demo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.connection.BankAccountService;
import fr.cashadvance.connection.ConnectionBody;
import fr.cashadvance.security.BusinessAccess;
import fr.cashadvance.security.CamundaIdentityAuthenticationProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the default run: the demo business "Au bon moulin", already connected to the sandbox
 * lender, and the accounts admin, alice (of Au bon moulin), bob (of the second company, LE
 * FOURNISSEUR, not yet connected), ops and platform, all with the DEMO_PASSWORD password.
 */
@Component
@ConditionalOnProperty(name = "demo.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(0)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final String BUSINESS_ID = "au-bon-moulin";
    public static final String SIREN = "999999998";
    public static final String SECOND_SIREN = "123456782";
    public static final String SECOND_NAME = "LE FOURNISSEUR";
    public static final String SECOND_EMAIL = "bob@le-fournisseur.example";

    private static final String ADMINS = CamundaIdentityAuthenticationProvider.ADMIN_GROUP;
    private static final String OPERATORS = CamundaIdentityAuthenticationProvider.OPERATORS_GROUP;
    private static final String PLATFORM = CamundaIdentityAuthenticationProvider.PLATFORM_GROUP;

    private final BusinessRepository businesses;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DemoProperties props;
    private final BusinessAccess access;
    private final BankAccountService bankAccounts;
    private final Clock clock;

    public DemoData(BusinessRepository businesses, IdentityService identity,
                    AuthorizationService authorizations, FilterService filters,
                    TaskService tasks, DemoProperties props, BusinessAccess access,
                    BankAccountService bankAccounts, Clock clock) {
        this.businesses = businesses;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.props = props;
        this.access = access;
        this.bankAccounts = bankAccounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Business business = seedBusiness();
        String businessGroup = business.camundaGroup();

        access.ensureGroup(ADMINS, "Administrateurs Camunda",
                Groups.GROUP_TYPE_SYSTEM);
        access.ensureGroup(OPERATORS, "Opérations",
                Groups.GROUP_TYPE_WORKFLOW);
        access.ensureGroup(PLATFORM, "Services de la plateforme",
                Groups.GROUP_TYPE_WORKFLOW);
        access.ensureGroup(business);
        // The second company's people exist before it connects: a newcomer connects it (see
        // the README) and logs in as bob to check that each business sees only its own.
        String secondGroup = access.ensureBusinessGroup(SECOND_SIREN, SECOND_NAME);

        user("admin", "Admin", "Démo", "admin@cash-advance.local",
                ADMINS);
        user("alice", "Alice", "Meunier", business.getRepresentativeEmail(), businessGroup);
        user("bob", "Bruno", "Fournier", SECOND_EMAIL, secondGroup);
        user("ops", "Olivier", "Opérations", "ops@cash-advance.local",
                OPERATORS);
        user("platform", "Plateforme", "Service", "platform@cash-advance.local",
                PLATFORM);

        for (Resource r : Resources.values()) {
            access.grant(ADMINS, r, ANY, Permissions.ALL);
        }
        access.grant(OPERATORS, Resources.APPLICATION,
                "cockpit", Permissions.ACCESS);
        access.grant(OPERATORS, Resources.APPLICATION,
                "tasklist", Permissions.ACCESS);
        // Operators watch journeys and retry failed jobs, but never make a business's decision:
        // no task permission beyond their own candidate-group tasks, and no right to move,
        // modify or re-variable an instance (that could skip the business's validation).
        access.grant(OPERATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.RETRY_JOB);
        // Operators start connections and statements; a financing starts only from its request.
        access.grant(OPERATORS, Resources.PROCESS_DEFINITION, "lender-connection",
                Permissions.CREATE_INSTANCE, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
        access.grant(OPERATORS, Resources.PROCESS_DEFINITION, "fee-statement",
                Permissions.CREATE_INSTANCE, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
        access.grant(OPERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ,
                Permissions.CREATE, ProcessInstancePermissions.RETRY_JOB);
        access.grant(OPERATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_HISTORY);
        access.grant(OPERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        access.grant(PLATFORM, Resources.PROCESS_DEFINITION,
                ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        access.grant(PLATFORM, Resources.PROCESS_INSTANCE,
                ANY, Permissions.READ);
        seedTaskFilter();
        seedReconciliation();
        log.info("Demo data ready: business {} ({}), users admin, alice, bob, ops, platform",
                business.getName(), SIREN);
    }

    private Business seedBusiness() {
        return businesses.findById(BUSINESS_ID).orElseGet(() -> {
            var b = new Business(BUSINESS_ID, "Au bon moulin", SIREN, "99999999800019",
                    "FR11999999998", "FR8811111015593603018280926",
                    "alice@au-bon-moulin.example");
            b.setApeCode("10.71C");
            b.setRepresentative("Alice", "Meunier", "+33 1 23 45 67 89");
            // Connected long enough ago that any invoice of the last three months qualifies.
            b.connect(Instant.now(clock).minus(Duration.ofDays(120)),
                    new BigDecimal("50000.00"), new BigDecimal("0.000700"));
            return businesses.save(b);
        });
    }

    private void user(String id, String first, String last, String email, String groupId) {
        User u = identity.createUserQuery().userId(id).singleResult();
        if (u == null) {
            u = identity.newUser(id);
            u.setFirstName(first);
            u.setLastName(last);
            u.setEmail(email);
        }
        // Always the current DEMO_PASSWORD: changing the variable and restarting takes effect.
        u.setPassword(props.password());
        identity.saveUser(u);
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    /**
     * Bank reconciliation data for a second company, "LE FOURNISSEUR" (the seller of the FNFE
     * sample invoices), so that a newcomer can connect it from Tasklist's start form.
     */
    private void seedReconciliation() {
        if (bankAccounts.count(SECOND_SIREN) > 0) {
            return;
        }
        LocalDate firstOfMonth = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")))
                .withDayOfMonth(1);
        List<ConnectionBody.Transaction> transactions = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            LocalDate month = firstOfMonth.minusMonths(m);
            transactions.add(new ConnectionBody.Transaction(month.plusDays(4),
                    new BigDecimal("6200.00"), "Règlement client"));
            transactions.add(new ConnectionBody.Transaction(month.plusDays(17),
                    new BigDecimal("3800.00"), "Règlement client"));
            transactions.add(new ConnectionBody.Transaction(month.plusDays(20),
                    new BigDecimal("-4100.00"), "Fournisseurs"));
        }
        bankAccounts.replace(SECOND_SIREN, List.of(new ConnectionBody.Account(
                "FR7630006000011234567890189", "Banque de démonstration", transactions)));
    }

    private void seedTaskFilter() {
        if (filters.createFilterQuery().filterName("Mes tâches").count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter("Mes tâches");
        filter.setProperties(Map.of("description", "Les tâches que vous pouvez traiter",
                "priority", -10, "refresh", true));
        filter.setQuery(tasks.createTaskQuery());
        filters.saveFilter(filter);
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        a.setUserId(ANY);
        a.setResource(Resources.FILTER);
        a.setResourceId(filter.getId());
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
    }
}
