package fr.cashadvance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Nothing answers without authentication:
 * /api and /mailbox: HTTP Basic against the Camunda users; /engine-rest: Camunda's own Basic
 * filter, so its authorizations apply; the webapps: their own login; /sandbox-lender: the
 * sandbox checks its bearer key like the real lender; webhooks and email links carry their
 * own proof.
 */
@Configuration
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**", "/mailbox/**", "/mailbox")
                .authorizeHttpRequests(a -> a
                        // The lender signs its webhooks (HMAC); the controller checks that.
                        .requestMatchers(HttpMethod.POST, "/api/lender/webhooks").permitAll()
                        // The demo mail catcher shows each account its own mails only.
                        .requestMatchers("/mailbox", "/mailbox/**").authenticated()
                        // Feeds and runs that concern every business: not a business's own.
                        .requestMatchers("/api/bank-accounts/**").hasAnyRole("PLATFORM", "ADMIN")
                        // A statement run or a correction of the books: the platform's or an
                        // operator's, never one business's.
                        .requestMatchers(HttpMethod.POST, "/api/fee-statements",
                                "/api/accounting/entries/*/reverse")
                        .hasAnyRole("OPERATOR", "PLATFORM", "ADMIN")
                        // Operators read every business and start connections, and decide
                        // nothing else for a business; the business scope narrows the rest.
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole("PLATFORM", "OPERATOR", "ADMIN", "BUSINESS")
                        .requestMatchers(HttpMethod.POST, "/api/connections")
                        .hasAnyRole("PLATFORM", "OPERATOR", "ADMIN", "BUSINESS")
                        .anyRequest().hasAnyRole("PLATFORM", "ADMIN", "BUSINESS"))
                // The provider bean is the global one; naming it here too would check (and
                // count) every wrong password twice.
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof org.springframework.security.authentication.LockedException) {
                        res.setHeader("Retry-After", "300");
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                                "Trop d'échecs de connexion", "Too many wrong passwords for this "
                                + "account from this address; retry in 5 minutes.");
                        return;
                    }
                    problem(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Authentification requise",
                            "Send HTTP Basic credentials of an account of this service.");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        problem(res, json, HttpStatus.FORBIDDEN, "forbidden", "Accès refusé",
                                "This account may not use this endpoint.")))
                // JSON, and the demo mailbox's plain pages: nothing to run, frame or send.
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; "
                                + "style-src 'unsafe-inline'; img-src data:; "
                                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .NO_REFERRER)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication, no cookie: nothing for a forged request to
                // ride on.
                .csrf(c -> c.disable());
        return http.build();
    }

    /** The API description is for the platform's engineers: any account, no anonymous. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDescription(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                        "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, json,
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentification requise",
                        "Log in with an account of this service to read the API description.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // Camunda's webapps run their own CSRF protection; engine REST uses Basic auth.
                .csrf(c -> c.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider",
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-basic-auth");
        registration.setOrder(200);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineVisibilityFilter> engineTaskVisibility(TaskService tasks,
            RuntimeService runtime, ManagementService management, IdentityService identity) {
        var registration = new FilterRegistrationBean<>(
                new EngineVisibilityFilter(tasks, runtime, management, identity));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engine-rest-task-visibility");
        // After the engine's Basic authentication (200): the lookup is made as the caller.
        registration.setOrder(201);
        return registration;
    }

    private static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status,
                                String type, String title, String detail) throws IOException {
        ProblemDetail pd = new ApiProblem(status, type, title, detail).toProblemDetail();
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"cash-advance\"");
        }
        json.writeValue(res.getOutputStream(), pd);
    }
}
