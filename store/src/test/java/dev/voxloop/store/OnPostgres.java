package dev.voxloop.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A test class that runs against PostgreSQL: tagged {@code postgres} (run with {@code -Ppostgres}) and enabled
 * only when {@code VOXLOOP_TEST_DB_URL} names a database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@EnabledIfEnvironmentVariable(named = "VOXLOOP_TEST_DB_URL", matches = ".+")
public @interface OnPostgres {
}
