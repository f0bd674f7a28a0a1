package fr.cashadvance.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One user store for everything: the Camunda identity service that Tasklist and Cockpit use
 * also authenticates /api callers; their groups become roles. Passwords are checked against
 * the stored hash directly, so that wrong guesses are throttled per address here instead of
 * locking the account in Camunda (which would let anyone lock out the platform).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String PLATFORM_GROUP = "platform";
    public static final String OPERATORS_GROUP = "operators";
    public static final String ADMIN_GROUP = "camunda-admin";

    private final IdentityService identity;
    private final ProcessEngine engine;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identity, ProcessEngine engine,
                                                 LoginThrottle throttle) {
        this.identity = identity;
        this.engine = engine;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        // Per address and account: guesses from one place cannot lock the account elsewhere.
        String address = (authentication.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : "unknown") + "|" + user;
        if (throttle.blocked(address)) {
            throw new LockedException("Too many failed logins from this address; retry later");
        }
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !passwordMatches(user, credentials.toString())) {
            throttle.failed(address);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(address);
        List<GrantedAuthority> roles = new ArrayList<>();
        for (Group g : identity.createGroupQuery().groupMember(user).list()) {
            switch (g.getId()) {
                case PLATFORM_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_PLATFORM"));
                case OPERATORS_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
                case ADMIN_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
                default -> {
                    roles.add(new SimpleGrantedAuthority(BusinessScope.GROUP_AUTHORITY
                            + g.getId()));
                    if (g.getId().startsWith(BusinessScope.BUSINESS_GROUP_PREFIX)) {
                        roles.add(new SimpleGrantedAuthority("ROLE_BUSINESS"));
                    }
                }
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    private boolean passwordMatches(String userId, String password) {
        var found = identity.createUserQuery().userId(userId).singleResult();
        if (!(found instanceof UserEntity user) || user.getPassword() == null) {
            return false;
        }
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String salted = org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword(password,
                user.getSalt());
        return config.getPasswordManager().check(salted, user.getPassword());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
