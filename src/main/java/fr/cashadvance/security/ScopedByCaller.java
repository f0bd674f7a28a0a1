package fr.cashadvance.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an /api endpoint that scopes itself to the caller's businesses with
 * {@link BusinessScope} (a list filtered, a business named in the body checked). Every /api
 * endpoint carries this or {@link OwnedResource}; one carrying neither is refused.
 *
 * @see BusinessScopeInterceptor
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScopedByCaller {

    /** How the endpoint scopes itself, for the reader. */
    String value();
}
