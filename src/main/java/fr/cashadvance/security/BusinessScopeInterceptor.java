package fr.cashadvance.security;

import fr.cashadvance.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Scopes every /api request to the business it concerns, in one place: the resource named in
 * the path is looked up and its business compared with the caller's before the handler runs
 * (so before the body is even read). Fails closed: an /api handler declaring no scope is
 * refused.
 */
@Component
public class BusinessScopeInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(BusinessScopeInterceptor.class);

    private final BusinessScope scope;

    public BusinessScopeInterceptor(BusinessScope scope) {
        this.scope = scope;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                             Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        OwnedResource owned = method.getMethodAnnotation(OwnedResource.class);
        if (owned == null) {
            if (method.hasMethodAnnotation(ScopedByCaller.class)) {
                return true;
            }
            log.error("Endpoint {} declares no business scope; refused", method);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Accès refusé",
                    "This endpoint declares no business scope.");
        }
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        scope.requireVisible(owned.value(), variables == null ? null
                : variables.get(owned.pathVariable()));
        return true;
    }
}
