package fr.cashadvance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Engine REST and Tasklist's own API: a task, process instance, execution or job the caller
 * cannot see (another business's, whose tenant it does not belong to, or one it holds no
 * permission on) answers 404, as a missing one does, whatever is asked of it. Left to the
 * engine, another tenant's object fails with a 500 that names it; either way nothing changes.
 * The lookup is made as the caller, with its authorizations and tenants: on engine REST after
 * the engine's Basic authentication, in the webapps with the login their session holds.
 */
// LIMITATION: only the default engine and UUID ids (the starter's id generator) are matched;
// Cockpit's own plugin endpoints are left to the engine's tenant-filtered queries.
class EngineVisibilityFilter extends OncePerRequestFilter {

    /** A task, process instance, execution or job named by its id (ids are UUIDs here). */
    private static final Pattern BY_ID = Pattern.compile("(?:/engine-rest(?:/engine/default)?"
            + "|/camunda/api/engine/engine/default)/(task|process-instance|execution|job)/"
            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
            + "(/.*)?");

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;

    EngineVisibilityFilter(TaskService tasks, RuntimeService runtime,
                           ManagementService management, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        // Decoded and normalised, as the engine's own routing sees it: %35 is a 5 there too.
        String path = PATHS.getPathWithinApplication(request);
        Matcher m = BY_ID.matcher(path);
        if (m.matches() && !visible(request, m.group(1), m.group(2))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // Camunda's own error shape, which its clients already read.
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
                    + "\"No matching " + m.group(1) + " with this id.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean visible(HttpServletRequest request, String kind, String id) {
        if (PATHS.getPathWithinApplication(request).startsWith("/engine-rest/")) {
            return exists(kind, id);
        }
        // Tasklist: the login is in the session; without one the webapp answers 401 itself.
        HttpSession session = request.getSession(false);
        if (session == null || !(AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
            return true;
        }
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(user.getName(), user.getGroupIds(), user.getTenantIds());
        try {
            return exists(kind, id);
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** Asked as the current engine user: what it may not see does not exist for it. */
    private boolean exists(String kind, String id) {
        return switch (kind) {
            case "task" -> tasks.createTaskQuery().taskId(id).count() > 0;
            case "process-instance" -> runtime.createProcessInstanceQuery().processInstanceId(id)
                    .count() > 0;
            case "job" -> management.createJobQuery().jobId(id).count() > 0;
            default -> runtime.createExecutionQuery().executionId(id).count() > 0;
        };
    }
}
