package fr.cashadvance.demo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.cashadvance.business.Business;
import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.security.CamundaIdentityAuthenticationProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
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
 * lender, and the accounts admin, alice, ops and platform with the DEMO_PASSWORD password.
 */
@Component
@ConditionalOnProperty(name = "demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final String BUSINESS_ID = "au-bon-moulin";
    public static final String SIREN = "999999998";

    private final BusinessRepository businesses;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DemoProperties props;
    private final Clock clock;

    public DemoData(BusinessRepository businesses, IdentityService identity,
                    AuthorizationService authorizations, FilterService filters,
                    TaskService tasks, DemoProperties props, Clock clock) {
        this.businesses = businesses;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.props = props;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Business business = seedBusiness();
        String businessGroup = business.camundaGroup();

        group(CamundaIdentityAuthenticationProvider.ADMIN_GROUP, "Administrateurs Camunda",
                Groups.GROUP_TYPE_SYSTEM);
        group(CamundaIdentityAuthenticationProvider.OPERATORS_GROUP, "Opérations",
                Groups.GROUP_TYPE_WORKFLOW);
        group(CamundaIdentityAuthenticationProvider.PLATFORM_GROUP, "Services de la plateforme",
                Groups.GROUP_TYPE_WORKFLOW);
        group(businessGroup, business.getName(), Groups.GROUP_TYPE_WORKFLOW);

        user("admin", "Admin", "Démo", "admin@cash-advance.local",
                CamundaIdentityAuthenticationProvider.ADMIN_GROUP);
        user("alice", "Alice", "Meunier", business.getRepresentativeEmail(), businessGroup);
        user("ops", "Olivier", "Opérations", "ops@cash-advance.local",
                CamundaIdentityAuthenticationProvider.OPERATORS_GROUP);
        user("platform", "Plateforme", "Service", "platform@cash-advance.local",
                CamundaIdentityAuthenticationProvider.PLATFORM_GROUP);

        for (Resource r : Resources.values()) {
            grant(CamundaIdentityAuthenticationProvider.ADMIN_GROUP, r, ANY, Permissions.ALL);
        }
        grant(CamundaIdentityAuthenticationProvider.OPERATORS_GROUP, Resources.APPLICATION,
                "cockpit", Permissions.ACCESS);
        grant(CamundaIdentityAuthenticationProvider.OPERATORS_GROUP, Resources.APPLICATION,
                "tasklist", Permissions.ACCESS);
        for (Resource r : new Resource[] {Resources.PROCESS_DEFINITION,
                Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
                Resources.DEPLOYMENT, Resources.BATCH}) {
            grant(CamundaIdentityAuthenticationProvider.OPERATORS_GROUP, r, ANY, Permissions.ALL);
        }
        grant(CamundaIdentityAuthenticationProvider.PLATFORM_GROUP, Resources.PROCESS_DEFINITION,
                ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant(CamundaIdentityAuthenticationProvider.PLATFORM_GROUP, Resources.PROCESS_INSTANCE,
                ANY, Permissions.READ);
        // A business sees its own tasks only: candidate groups grant those, nothing wider here.
        grant(businessGroup, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(businessGroup, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        seedTaskFilter();
        log.info("Demo data ready: business {} ({}), users admin, alice, ops, platform",
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

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
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

    private void grant(String groupId, Resource resource, String resourceId,
                       Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
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
