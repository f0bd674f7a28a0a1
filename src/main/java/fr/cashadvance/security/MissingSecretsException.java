package fr.cashadvance.security;

import java.util.List;

/** Thrown by {@link SecretsGuard}: names environment variables, never their values. */
public class MissingSecretsException extends IllegalStateException {

    private final List<String> problems;

    public MissingSecretsException(List<String> problems) {
        super("Refusing to start without its own secrets: " + String.join(", ", problems)
                + ". Set each in the environment; demo values serve the default run only.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
