package fr.cashadvance.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.cashadvance.business.Business;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * A business's Camunda group: its users see its own tasks in Tasklist, which are assigned to
 * that group as candidates. Nothing wider is granted.
 */
@Component
public class BusinessAccess {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public BusinessAccess(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    // LIMITATION: a newly connected business gets its group but no user: an administrator adds
    // its people in Camunda Admin (the platform's own identity provider would in production).
    public String ensureGroup(Business business) {
        return ensureBusinessGroup(business.getSiren(), business.getName());
    }

    /**
     * Identity changes made on behalf of a journey step, which may run inside a Tasklist user's
     * command (a connection started from its form): the journey, not that user, is entitled.
     */
    private static <T> T privileged(Callable<T> work) {
        CommandContext context = Context.getCommandContext();
        try {
            return context == null ? work.call() : context.runWithoutAuthorization(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The group and tenant of a company, which can exist before the company is connected (its
     * connection journey already runs in its tenant). Its people see their own tasks in
     * Tasklist; operators and platform services belong to every tenant, to watch them all.
     */
    public String ensureBusinessGroup(String siren, String name) {
        return privileged(() -> businessGroup(siren, name));
    }

    private String businessGroup(String siren, String name) {
        String groupId = BusinessTenants.tenantOf(siren);
        ensureGroup(groupId, name, Groups.GROUP_TYPE_WORKFLOW);
        ensureTenant(groupId, name);
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        return groupId;
    }

    /** The tenant of a company, shared by its group and by the operators' and platform's. */
    public void ensureTenant(String tenantId, String name) {
        privileged(() -> {
            tenant(tenantId, name);
            return null;
        });
    }

    private void tenant(String tenantId, String name) {
        if (identity.createTenantQuery().tenantId(tenantId).singleResult() == null) {
            Tenant tenant = identity.newTenant(tenantId);
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
        for (String groupId : new String[] {tenantId, CamundaIdentityAuthenticationProvider
                .OPERATORS_GROUP, CamundaIdentityAuthenticationProvider.PLATFORM_GROUP}) {
            boolean groupExists = identity.createGroupQuery().groupId(groupId).count() > 0;
            boolean member = identity.createTenantQuery().tenantId(tenantId).groupMember(groupId)
                    .count() > 0;
            if (groupExists && !member) {
                identity.createTenantGroupMembership(tenantId, groupId);
            }
        }
    }

    /** Gives the operators' and platform's groups every tenant that exists (at start-up). */
    public void joinEveryTenant() {
        for (Tenant tenant : identity.createTenantQuery().list()) {
            ensureTenant(tenant.getId(), tenant.getName());
        }
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
    }

    /**
     * Grants exactly these permissions on a resource to a group: an earlier grant of the same
     * resource is narrowed or widened to them, so a start applies the current rules.
     */
    public void grant(String groupId, Resource resource, String resourceId,
                      Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .filter(found -> found.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        int wanted = 0;
        for (Permission p : permissions) {
            wanted |= p.getValue();
        }
        if (a == null) {
            a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            a.setGroupId(groupId);
            a.setResource(resource);
            a.setResourceId(resourceId);
        } else if (a instanceof AuthorizationEntity entity && entity.getPermissions() == wanted) {
            // Already exactly so: a start writes nothing.
            return;
        }
        a.setPermissions(permissions);
        authorizations.saveAuthorization(a);
    }
}
