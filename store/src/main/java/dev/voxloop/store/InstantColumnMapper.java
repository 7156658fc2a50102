package dev.voxloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an {@link Instant}, independent of the JVM time zone. */
final class InstantColumnMapper implements ColumnMapper<Instant> {

    @Override
    public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
        OffsetDateTime t = r.getObject(columnNumber, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
