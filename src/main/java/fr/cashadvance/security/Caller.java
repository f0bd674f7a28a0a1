package fr.cashadvance.security;

import java.util.Set;

/**
 * Who is calling and for which businesses. Platform services and administrators act for every
 * business; operators see every business but act for none of them; a business's people see
 * and act for their own business only, named by its SIREN (their Camunda group
 * {@code business-<SIREN>}).
 *
 * @param sirens the businesses a business user belongs to; empty for the other roles
 */
public record Caller(String userId, Role role, Set<String> sirens) {

    /** The widest role wins when an account holds several. */
    public enum Role { ADMIN, PLATFORM, OPERATOR, BUSINESS, NONE }

    /** Jobs, listeners and the email link act on their own authority, not a caller's. */
    public static final Caller SYSTEM = new Caller("system", Role.ADMIN, Set.of());

    public boolean seesEveryBusiness() {
        return role == Role.ADMIN || role == Role.PLATFORM || role == Role.OPERATOR;
    }

    public boolean sees(String siren) {
        return seesEveryBusiness() || (siren != null && sirens.contains(siren));
    }
}
