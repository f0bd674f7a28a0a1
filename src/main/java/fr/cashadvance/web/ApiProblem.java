package fr.cashadvance.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request we refuse, carried to the client as RFC 9457 problem details. Thrown before anything
 * is changed, or inside the transaction that it rolls back.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " introuvable",
                "No " + what.toLowerCase() + " with id '" + id + "'.");
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The refusal in French, for a person (Tasklist shows it as the error of a form). */
    public String forPeople() {
        Object violations = properties.get("violations");
        StringBuilder text = new StringBuilder(title).append(".");
        if (violations instanceof java.util.List<?> list) {
            for (Object v : list) {
                String message = v instanceof fr.cashadvance.financing.rules.Violation violation
                        ? violation.message() : String.valueOf(v);
                text.append(" ").append(message);
            }
        }
        return text.toString();
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, getMessage());
        pd.setType(URI.create("https://cash-advance.local/problems/" + type));
        pd.setTitle(title);
        properties.forEach(pd::setProperty);
        return pd;
    }
}
