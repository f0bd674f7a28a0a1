package fr.cashadvance.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start any run but the default demo one without its own secrets. Runs once the
 * configuration files are read and before any bean exists, so that one message names every
 * missing or weak secret by its environment variable, and never shows a value.
 *
 * <p>The default run (demo.enabled=true) keeps its public demo values and says so once, at WARN.
 */
public class SecretsGuard implements EnvironmentPostProcessor, Ordered {

    /** Keys and signing secrets: long enough that guessing is out of reach. */
    static final int MIN_SECRET_LENGTH = 16;

    /**
     * Every secret value the default run ships with (application.yml). None of them may guard
     * any other run, whatever property it is put in.
     */
    static final Set<String> DEMO_VALUES = Set.of("demo", "sandbox-demo-key",
            "sandbox-webhook-demo-secret", "demo-link-signing-secret");

    /** SETTING: not secret, but the run cannot work without it (an address, a user name). */
    enum Kind { SECRET, PASSWORD, SETTING }

    /** A secret the service reads from {@code property}, set through {@code envVar}. */
    record Secret(String property, String envVar, Kind kind) {
    }

    private static final Secret LENDER_API_KEY =
            new Secret("lender.api-key", "LENDER_API_KEY", Kind.SECRET);
    private static final Secret WEBHOOK_SECRET =
            new Secret("lender.webhook-secret", "LENDER_WEBHOOK_SECRET", Kind.SECRET);
    private static final Secret LINK_SECRET =
            new Secret("financing.link-secret", "LINK_SIGNING_SECRET", Kind.SECRET);
    private static final Secret SANDBOX_API_KEY =
            new Secret("sandbox-lender.api-key", "LENDER_API_KEY", Kind.SECRET);
    private static final Secret SANDBOX_WEBHOOK_SECRET =
            new Secret("sandbox-lender.webhook-secret", "LENDER_WEBHOOK_SECRET", Kind.SECRET);
    private static final Secret ADMIN_PASSWORD = new Secret("camunda.bpm.admin-user.password",
            "CAMUNDA_ADMIN_PASSWORD", Kind.PASSWORD);
    private static final Secret DATABASE_PASSWORD =
            new Secret("spring.datasource.password", "DATABASE_PASSWORD", Kind.PASSWORD);
    private static final Secret SMTP_PASSWORD =
            new Secret("spring.mail.password", "SMTP_PASSWORD", Kind.PASSWORD);
    private static final Secret DEMO_PASSWORD =
            new Secret("demo.password", "DEMO_PASSWORD", Kind.PASSWORD);

    private static final Secret DATABASE_URL =
            new Secret("spring.datasource.url", "DATABASE_URL", Kind.SETTING);
    private static final Secret DATABASE_USERNAME =
            new Secret("spring.datasource.username", "DATABASE_USERNAME", Kind.SETTING);
    private static final Secret SMTP_HOST =
            new Secret("spring.mail.host", "SMTP_HOST", Kind.SETTING);
    private static final Secret SMTP_USERNAME =
            new Secret("spring.mail.username", "SMTP_USERNAME", Kind.SETTING);
    private static final Secret LENDER_BASE_URL =
            new Secret("lender.base-url", "LENDER_BASE_URL", Kind.SETTING);
    private static final Secret PUBLIC_BASE_URL =
            new Secret("financing.public-base-url", "PUBLIC_BASE_URL", Kind.SETTING);

    private final Log log;

    public SecretsGuard(DeferredLogFactory logs) {
        this.log = logs.getLog(SecretsGuard.class);
    }

    @Override
    public int getOrder() {
        // After the configuration files and every other source are in place.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if (isDemoRun(env)) {
            List<String> inUse = demoValuesInUse(env);
            if (!inUse.isEmpty()) {
                log.warn("Demo run: " + String.join(", ", inUse) + " hold public demo values; "
                        + "this run must never be reachable from outside this machine.");
            }
            if (Arrays.asList(env.getActiveProfiles()).contains("prod")) {
                throw new MissingSecretsException(List.of(
                        "demo.enabled=true (the demo accounts and values are refused in prod)"));
            }
            return;
        }
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new MissingSecretsException(problems);
        }
    }

    static boolean isDemoRun(ConfigurableEnvironment env) {
        return "true".equalsIgnoreCase(value(env, "demo.enabled"));
    }

    /** What is wrong with the secrets of a non-demo run, one entry per environment variable. */
    static List<String> problems(ConfigurableEnvironment env) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (Secret secret : required(env)) {
            String problem = problem(secret, value(env, secret.property()));
            if (problem != null) {
                byVariable.putIfAbsent(secret.envVar(), secret.envVar() + " (" + problem + ")");
            }
        }
        return new ArrayList<>(byVariable.values());
    }

    static List<Secret> required(ConfigurableEnvironment env) {
        List<Secret> secrets = new ArrayList<>(List.of(LENDER_API_KEY, WEBHOOK_SECRET,
                LINK_SECRET));
        if ("true".equalsIgnoreCase(value(env, "sandbox-lender.enabled"))) {
            secrets.add(SANDBOX_API_KEY);
            secrets.add(SANDBOX_WEBHOOK_SECRET);
        }
        if (!blank(value(env, "camunda.bpm.admin-user.id"))) {
            secrets.add(ADMIN_PASSWORD);
        }
        String url = value(env, "spring.datasource.url");
        // The in-process H2 database has no network door; every other database has one.
        if (url == null || !url.startsWith("jdbc:h2:")) {
            secrets.add(DATABASE_URL);
            secrets.add(DATABASE_USERNAME);
            secrets.add(DATABASE_PASSWORD);
        }
        if (!"true".equalsIgnoreCase(value(env, "mail-catcher.enabled"))) {
            secrets.add(SMTP_HOST);
            if (smtpAuth(env)) {
                secrets.add(SMTP_USERNAME);
                secrets.add(SMTP_PASSWORD);
            }
        }
        if (!"true".equalsIgnoreCase(value(env, "sandbox-lender.enabled"))) {
            secrets.add(LENDER_BASE_URL);
            // Links in emails must point at the public address, not at this machine.
            secrets.add(PUBLIC_BASE_URL);
        }
        return secrets;
    }

    static String problem(Secret secret, String value) {
        if (blank(value)) {
            return "missing";
        }
        if (secret.kind() == Kind.SETTING) {
            return null;
        }
        if (DEMO_VALUES.contains(value.strip())) {
            return "a public demo value";
        }
        if (secret.kind() == Kind.SECRET && value.strip().length() < MIN_SECRET_LENGTH) {
            return "shorter than " + MIN_SECRET_LENGTH + " characters";
        }
        return null;
    }

    private static List<String> demoValuesInUse(ConfigurableEnvironment env) {
        List<String> inUse = new ArrayList<>();
        for (Secret s : List.of(LENDER_API_KEY, WEBHOOK_SECRET, LINK_SECRET, DEMO_PASSWORD)) {
            String value = value(env, s.property());
            if (blank(value) || DEMO_VALUES.contains(value.strip())) {
                inUse.add(s.envVar());
            }
        }
        return inUse;
    }

    private static boolean smtpAuth(ConfigurableEnvironment env) {
        Map<String, String> props = Binder.get(env).bind("spring.mail.properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return "true".equalsIgnoreCase(props.get("mail.smtp.auth"));
    }

    /** The resolved value; a placeholder without a value counts as missing, not as an error. */
    private static String value(ConfigurableEnvironment env, String property) {
        try {
            return env.getProperty(property);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
