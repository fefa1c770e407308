package ir.line111.core.persistence;

import java.util.List;

/**
 * How a module adds its entity classes to the one {@link Database}'s SessionFactory: implement this
 * and name the class in {@code META-INF/services/ir.line111.core.persistence.EntityContributor}.
 * The tables themselves come from the module's Flyway migrations (its version range), never from
 * Hibernate.
 */
public interface EntityContributor {
    List<Class<?>> entityClasses();
}
