package ir.line111.core.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test twice, as {@code [H2]} and {@code [PostgreSQL]}, resolving a
 * {@link ir.line111.core.persistence.Database} parameter (and a {@link TestDatabases.Kind} one, if
 * asked for). One database per kind is opened for the test class on first use and closed after it.
 * See {@link TestDatabases}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabasesExtension.class)
public @interface OnBothDatabases {}
