package fr.cashadvance.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The default run's demo data; off in every other run. */
@ConfigurationProperties("demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("demo") String password) {

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", password=***]";
    }
}
