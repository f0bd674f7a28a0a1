package fr.cashadvance.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.cashadvance.business.Business;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
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
        String groupId = business.camundaGroup();
        ensureGroup(groupId, business.getName(), Groups.GROUP_TYPE_WORKFLOW);
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        return groupId;
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
    }

    public void grant(String groupId, Resource resource, String resourceId,
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
}
