package fr.cashadvance.financing;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links put in emails; from configuration, or this server on localhost by default. */
@Component
public class PublicLinks {

    private final FinancingProperties props;
    private final Environment env;

    public PublicLinks(FinancingProperties props, Environment env) {
        this.props = props;
        this.env = env;
    }

    public String base() {
        if (props.publicBaseUrl() != null && !props.publicBaseUrl().isBlank()) {
            return props.publicBaseUrl().replaceAll("/+$", "");
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    public String validationPage(String token) {
        return base() + "/validation?token=" + token;
    }
}
