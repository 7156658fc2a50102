package dev.voxloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Both databases keep microseconds; stored times are cut to that so what is returned equals what is read. */
public final class Times {

    private Times() {
    }

    public static Instant stored(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an Instant, independent of the JVM time zone. */
    public static Instant read(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
