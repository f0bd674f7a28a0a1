package fr.cashadvance.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into application/problem+json, unknown paths and wrong methods included.
 * The sandbox lender has its own handler, consulted first for its controller.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> onApiProblem(ApiProblem problem) {
        return respond(problem.status(), problem.toProblemDetail());
    }

    @ExceptionHandler({OptimisticLockingFailureException.class,
            PessimisticLockingFailureException.class,
            org.springframework.dao.DataIntegrityViolationException.class})
    public ResponseEntity<ProblemDetail> onConcurrentChange(RuntimeException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request changed this resource at the same time; nothing was changed. "
                        + "Read it again and retry.");
        pd.setType(URI.create("https://cash-advance.local/problems/concurrent-change"));
        pd.setTitle("Modification concurrente");
        return respond(HttpStatus.CONFLICT, pd);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<Map<String, String>> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> Map.of("field", fe.getField(), "rule",
                        String.valueOf(fe.getCode()), "message",
                        String.valueOf(fe.getDefaultMessage())))
                .toList();
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body has invalid fields; nothing was changed.");
        pd.setType(URI.create("https://cash-advance.local/problems/invalid-request"));
        pd.setTitle("Requête invalide");
        pd.setProperty("violations", violations);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint.";
        String field = null;
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException ife) {
            field = path(ife);
            detail = "Field '" + field + "' has an invalid value '" + ife.getValue()
                    + "'; expected " + expected(ife.getTargetType()) + ".";
        } else if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            field = path(mie);
            detail = "Field '" + field + "' has the wrong type; expected "
                    + expected(mie.getTargetType()) + ".";
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        pd.setType(URI.create("https://cash-advance.local/problems/unreadable-body"));
        pd.setTitle("Corps de requête illisible");
        if (field != null) {
            // Same member as the other refusals, so a client can point at the input to fix.
            pd.setProperty("field", field);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName()
                : ex instanceof org.springframework.web.method.annotation
                        .MethodArgumentTypeMismatchException m ? m.getName() : "?";
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + field + "' has an invalid value '" + ex.getValue()
                        + "'; expected " + expected(ex.getRequiredType()) + ".");
        pd.setType(URI.create("https://cash-advance.local/problems/invalid-parameter"));
        pd.setTitle("Paramètre invalide");
        pd.setProperty("field", field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> onUnexpected(RuntimeException e) {
        log.error("Unexpected error while serving a request", e);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; the operation was rolled back.");
        pd.setType(URI.create("https://cash-advance.local/problems/internal-error"));
        pd.setTitle("Erreur interne");
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, pd);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("?");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date as YYYY-MM-DD";
            case "BigDecimal" -> "a decimal number such as 1234.56";
            default -> "a " + type.getSimpleName();
        };
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail pd) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
