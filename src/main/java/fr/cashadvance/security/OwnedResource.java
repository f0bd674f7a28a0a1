package fr.cashadvance.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an /api endpoint acting on one business's resource, named by a path variable. Before
 * the handler runs, a caller who may not see that resource's business gets the same 404 as
 * for a resource that does not exist.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnedResource {

    OwnedKind value();

    /** The path variable holding the resource's id. */
    String pathVariable() default "id";
}
