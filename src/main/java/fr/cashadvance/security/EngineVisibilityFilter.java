package fr.cashadvance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
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
 * the engine's Basic authentication, in the webapps with the login their session holds. Only
 * administrators may execute a job by hand.
 */
// LIMITATION: only the default engine and UUID ids (the starter's id generator) in the path are
// matched: bulk calls naming another tenant's instance in their body (e.g. PUT /job/suspended)
// still get the engine's 500 naming it, and Cockpit's plugin endpoints are left to the
// engine's tenant-filtered queries. Nothing changes either way.
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
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller = caller(request, path);
        if (caller != null && !asCaller(caller, () -> exists(m.group(1), m.group(2)))) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
                    "No matching " + m.group(1) + " with this id.");
            return;
        }
        // The engine counts a refused execution as a failed run and spends the job's retries
        // on it: anyone could silence a journey's timers. Refused here, before the engine.
        if (caller != null && "job".equals(m.group(1)) && "/execute".equals(m.group(3))
                && !isAdmin(caller)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "Only administrators may execute a job by hand.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Who calls: on engine REST the engine's Basic authentication, already set; in the webapps
     * the login their session holds. Null without one: the engine or webapp answers 401 itself.
     */
    private Authentication caller(HttpServletRequest request, String path) {
        if (path.startsWith("/engine-rest/")) {
            return identity.getCurrentAuthentication();
        }
        HttpSession session = request.getSession(false);
        if (session == null || !(AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
            return null;
        }
        return new Authentication(user.getName(), user.getGroupIds(), user.getTenantIds());
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds()
                .contains(CamundaIdentityAuthenticationProvider.ADMIN_GROUP);
    }

    private boolean asCaller(Authentication caller, Supplier<Boolean> query) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(caller);
        try {
            return query.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    private static void refuse(HttpServletResponse response, int status, String type,
                               String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Camunda's own error shape, which its clients already read.
        response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"}");
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
