package fr.cashadvance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CashAdvanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CashAdvanceApplication.class, args);
    }
}
