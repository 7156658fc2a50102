package dev.voxloop.store;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLState 23505 on PostgreSQL and H2) anywhere in a cause chain. */
public final class Unique {

    private Unique() {
    }

    public static boolean violated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
