package fr.cashadvance.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the API description says of itself, instead of springdoc's placeholder. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI cashAdvanceApi() {
        return new OpenAPI().info(new Info()
                .title("Invoice cash-advance orchestrator API")
                .version("1")
                .description("Invoices, financings, connections, fee statements and the ledger "
                        + "of the businesses an account may see. HTTP Basic; errors are RFC 9457 "
                        + "problem details."));
    }
}
