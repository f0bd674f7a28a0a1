package fr.cashadvance.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refusal of {@link SecretsGuard} into Spring Boot's short "failed to start" report. */
public class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, MissingSecretsException cause) {
        return new FailureAnalysis(
                "The service refuses to start: outside the default demo run every secret must "
                        + "be its own.\n  - " + String.join("\n  - ", cause.problems()),
                "Set the environment variables listed (keys and signing secrets: at least "
                        + SecretsGuard.MIN_SECRET_LENGTH + " random characters), or run the "
                        + "default demo run (demo.enabled=true) on this machine only.",
                cause);
    }
}
