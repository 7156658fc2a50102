package dev.voxloop.store;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link Instant} as a UTC {@link OffsetDateTime} into {@code TIMESTAMP WITH TIME ZONE} columns, so the
 * JVM's default time zone never shifts a stored time (both PostgreSQL and H2 accept it through setObject).
 */
final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

    InstantArgumentFactory() {
        super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
        OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc);
    }
}
