package fr.cashadvance.lender.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxLenderWebConfig implements WebMvcConfigurer {

    private final SandboxLenderProperties properties;
    private final ObjectMapper objectMapper;

    SandboxLenderWebConfig(SandboxLenderProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SandboxApiKeyInterceptor(properties.apiKey(), objectMapper))
                .addPathPatterns(SandboxLenderController.BASE_PATH + "/**");
    }
}
