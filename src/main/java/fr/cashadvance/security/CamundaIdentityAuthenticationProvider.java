package fr.cashadvance.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One user store for everything: the Camunda identity service that Tasklist and Cockpit use
 * also authenticates /api callers; their groups become roles.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String PLATFORM_GROUP = "platform";
    public static final String OPERATORS_GROUP = "operators";
    public static final String ADMIN_GROUP = "camunda-admin";

    private final IdentityService identity;

    public CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> roles = new ArrayList<>();
        for (Group g : identity.createGroupQuery().groupMember(user).list()) {
            switch (g.getId()) {
                case PLATFORM_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_PLATFORM"));
                case OPERATORS_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
                case ADMIN_GROUP -> roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
                default -> roles.add(new SimpleGrantedAuthority("GROUP_" + g.getId()));
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
