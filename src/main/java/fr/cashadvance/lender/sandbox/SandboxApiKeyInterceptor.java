package fr.cashadvance.lender.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires {@code Authorization: Bearer <sandbox-lender.api-key>}, as the real lender does.
 * Done here rather than in Spring Security so the sandbox behaves the same whatever the
 * application's own security rules are.
 */
class SandboxApiKeyInterceptor implements HandlerInterceptor {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;
    private final ObjectMapper objectMapper;

    SandboxApiKeyInterceptor(String apiKey, ObjectMapper objectMapper) {
        // A blank key would let an empty bearer in: with no key configured nobody gets in.
        this.expected = apiKey == null || apiKey.isBlank()
                ? null : apiKey.getBytes(StandardCharsets.UTF_8);
        this.objectMapper = objectMapper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                             Object handler) throws IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null && header.startsWith(PREFIX)) {
            byte[] given = header.substring(PREFIX.length()).strip()
                    .getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Clé d'API du prêteur absente ou invalide : envoyez "
                        + "« Authorization: Bearer <clé> ».");
        problem.setTitle("Non authentifié");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox-lender\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        objectMapper.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
