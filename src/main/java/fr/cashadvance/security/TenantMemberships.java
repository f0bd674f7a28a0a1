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
// LIMITATION: Cockpit and Tasklist cache a login's tenants for 5 minutes (Camunda's
// authentication cache): an operator logged in before a business connected sees its journeys
// only after that, or at the next login.
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
