package fr.cashadvance.security;

import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Each business is a Camunda tenant, named like its group ({@code business-<SIREN>}). The
 * process definitions are shared (deployed once, without a tenant); each journey's instance
 * gets its business's tenant when it starts, so Tasklist and Cockpit show a business's people
 * only their own instances and tasks, whatever else they were granted.
 */
@Component
public class BusinessTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** Set by a financing's start; a connection gives its SIRET, from the API or Tasklist. */
    static final String BUSINESS_GROUP_VARIABLE = "businessGroup";
    static final String SIRET_VARIABLE = "siret";

    private static final Pattern SIREN_START = Pattern.compile("\\d{9}.*");

    public static String tenantOf(String siren) {
        return BusinessScope.BUSINESS_GROUP_PREFIX + siren;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        return tenantFrom(ctx.getVariables());
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(
            TenantIdProviderHistoricDecisionInstanceContext ctx) {
        // A decision evaluated inside a journey belongs to that journey's business.
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }

    static String tenantFrom(Map<String, Object> variables) {
        if (variables == null) {
            return null;
        }
        if (variables.get(BUSINESS_GROUP_VARIABLE) instanceof String group
                && group.startsWith(BusinessScope.BUSINESS_GROUP_PREFIX)) {
            return group;
        }
        if (variables.get(SIRET_VARIABLE) instanceof String siret) {
            String trimmed = siret.replace(" ", "");
            if (SIREN_START.matcher(trimmed).matches()) {
                return tenantOf(trimmed.substring(0, 9));
            }
        }
        // Fee statements cover every business: they stay without a tenant, for operators.
        return null;
    }
}
