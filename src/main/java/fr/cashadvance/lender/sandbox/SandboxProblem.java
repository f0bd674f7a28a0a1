package fr.cashadvance.lender.sandbox;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the sandbox refuses; rendered as RFC 9457 problem details. */
class SandboxProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<String> errors;

    SandboxProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    SandboxProblem(HttpStatus status, String title, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 400 whose detail sums up and whose {@code errors} list each problem separately. */
    static SandboxProblem badRequest(String detail, List<String> errors) {
        return new SandboxProblem(HttpStatus.BAD_REQUEST, "Requête invalide", detail, errors);
    }

    static SandboxProblem badRequest(String detail) {
        return new SandboxProblem(HttpStatus.BAD_REQUEST, "Requête invalide", detail);
    }

    static SandboxProblem notFound(String detail) {
        return new SandboxProblem(HttpStatus.NOT_FOUND, "Introuvable", detail);
    }

    static SandboxProblem conflict(String detail) {
        return new SandboxProblem(HttpStatus.CONFLICT, "Statut incompatible", detail);
    }

    static SandboxProblem unprocessable(String detail) {
        return new SandboxProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Règle non respectée", detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    List<String> errors() {
        return errors;
    }
}
