package fr.cashadvance;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CashAdvanceApplication {

    public static void main(String[] args) {
        // Camunda reads cron timers in the JVM zone: the monthly fee statement must start at
        // 06:00 in Paris. Our own code always names its zone.
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
        SpringApplication.run(CashAdvanceApplication.class, args);
    }
}
