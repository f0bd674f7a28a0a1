package fr.cashadvance.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At each start, operators and platform services join every business tenant, including those
 * created while their groups did not exist yet, so that Cockpit shows them every journey.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TenantMemberships implements ApplicationRunner {

    private final BusinessAccess access;

    TenantMemberships(BusinessAccess access) {
        this.access = access;
    }

    @Override
    public void run(ApplicationArguments args) {
        access.joinEveryTenant();
    }
}
