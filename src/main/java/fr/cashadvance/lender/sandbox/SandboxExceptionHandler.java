package fr.cashadvance.lender.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details (RFC 9457) for the sandbox's own refusals and for Spring MVC's (unreadable
 * JSON, missing parameter, wrong method), limited to the sandbox controller so the application's
 * own error handling stays its own business.
 */
@RestControllerAdvice(assignableTypes = SandboxLenderController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SandboxExceptionHandler.class);

    @ExceptionHandler(SandboxProblem.class)
    ResponseEntity<ProblemDetail> refused(SandboxProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(),
                problem.getMessage());
        body.setTitle(problem.title());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    /** Anything unexpected still answers in the lender's error format, and is retryable. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        log.error("Sandbox lender: request failed", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Erreur interne du prêteur de démonstration ; réessayez.");
        body.setTitle("Erreur interne");
        return ResponseEntity.internalServerError().body(body);
    }
}
