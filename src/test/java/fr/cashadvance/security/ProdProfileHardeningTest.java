package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The prod profile, served behind HTTPS, turns on what plain http://localhost cannot use. */
class ProdProfileHardeningTest {

    private static Binder binder(String... files) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            // Later files win, as a profile's file wins over application.yml.
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(env.getPropertySources()::addFirst);
        }
        return new Binder(ConfigurationPropertySources.get(env),
                new PropertySourcesPlaceholdersResolver(env));
    }

    @Test
    void prodSendsHstsAndSecureCookiesAndTrustsItsProxy() throws Exception {
        Binder prod = binder("application.yml", "application-prod.yml");
        WebappProperty webapp = prod.bind("camunda.bpm.webapp", WebappProperty.class).get();

        assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isFalse();
        assertThat(webapp.getHeaderSecurity().getHstsMaxAge()).isEqualTo("31536000");
        assertThat(webapp.getCsrf().isEnableSecureCookie()).isTrue();
        assertThat(prod.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isTrue();
        assertThat(prod.bind("server.forward-headers-strategy", String.class).get())
                .isEqualTo("native");
    }

    @Test
    void theDefaultRunOverPlainHttpSendsNoHstsNorSecureCookies() throws Exception {
        Binder demo = binder("application.yml");
        WebappProperty webapp = demo.bind("camunda.bpm.webapp", WebappProperty.class).get();

        assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isTrue();
        assertThat(webapp.getCsrf().isEnableSecureCookie()).isFalse();
        assertThat(webapp.getCsrf().getSameSiteCookieOption()).isEqualTo("STRICT");
        assertThat(demo.bind("server.servlet.session.cookie.secure", Boolean.class).get())
                .isFalse();
    }
}
