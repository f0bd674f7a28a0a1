package fr.cashadvance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine REST: an action on a task the caller cannot see (another business's, whose tenant it
 * does not belong to, or one it holds no permission on) answers 404, as a missing task does.
 * Left to the engine, another tenant's task fails with a 500 that names the task; either way
 * nothing changes. Runs after the engine's Basic authentication, so the lookup below is made
 * as the caller, with its authorizations and tenants.
 */
class EngineTaskVisibilityFilter extends OncePerRequestFilter {

    private static final Pattern TASK_ACTION = Pattern.compile("/task/([^/]+)(/.*)?");
    /** Collection resources under /task that are not a task id. */
    private static final Set<String> NOT_IDS = Set.of("count", "create", "report");

    private final TaskService tasks;

    EngineTaskVisibilityFilter(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length()
                + "/engine-rest".length());
        Matcher m = TASK_ACTION.matcher(path);
        if (m.matches() && !NOT_IDS.contains(m.group(1))
                && tasks.createTaskQuery().taskId(m.group(1)).count() == 0) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // Camunda's own error shape, which its clients already read.
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
                    + "\"No matching task with this id.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
