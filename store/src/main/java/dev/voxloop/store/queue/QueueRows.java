package dev.voxloop.store.queue;

import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code loop_queue} row as a {@link QueueEntry}: the columns read and how each becomes a component. */
final class QueueRows {

    static final String COLUMNS = "ticket_key, summary, status, attempts, last_error, queued_at, started_at, "
            + "finished_at, lease_owner, lease_until, success";

    private QueueRows() {
    }

    /** The entry of {@code key} as {@code h} sees it (inside its transaction, when it has one). */
    static Optional<QueueEntry> find(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM loop_queue WHERE ticket_key = :key").bind("key", key)
                .map(QueueRows::entry).findOne();
    }

    /** {@code success} is NULL while the entry has no outcome yet. */
    static QueueEntry entry(ResultSet r, StatementContext ctx) throws SQLException {
        boolean success = r.getBoolean("success");
        Boolean outcome = r.wasNull() ? null : success;
        return new QueueEntry(r.getString("ticket_key"), r.getString("summary"),
                QueueStatus.valueOf(r.getString("status")), r.getInt("attempts"), r.getString("last_error"),
                Times.read(r, "queued_at"), Times.read(r, "started_at"), Times.read(r, "finished_at"),
                r.getString("lease_owner"), Times.read(r, "lease_until"), outcome);
    }
}
