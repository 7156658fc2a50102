package dev.voxloop.store.event;

import dev.voxloop.core.event.EventLog;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.store.Database;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only event table {@code pipeline_events}: seq (identity), event_type ({@link PipelineEvent#type()}),
 * subject, occurred_at and the record as JSON. Reading maps the type back to its record class through the sealed
 * interface's permitted subclasses; a row whose type no longer exists is skipped with a warning.
 *
 * <p>Retention: the table keeps the newest {@code keep} events. Every {@code pruneEvery} appends (default
 * {@value #PRUNE_EVERY}) and once at start older rows are deleted by {@link #retain(long)}, so the table cannot grow without bound.
 *
 * <p>On PostgreSQL, seq values are handed out before commit, so two concurrent appends may become visible out of
 * seq order; a reader polling {@link #after} right then can miss the lower one. Live clients get events from the
 * in-process bus; {@code after} is for catching up and replay.
 */
public final class JdbiEventLog implements EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiEventLog.class);
    /** Default number of appends between two prunes. */
    public static final int PRUNE_EVERY = 500;

    private final Jdbi jdbi;
    private final Json json;
    private final EventTypes types = new EventTypes();
    private final long keep;
    private final int pruneEvery;
    private final AtomicLong appends = new AtomicLong();

    /**
     * @param keep       how many of the newest events to keep ({@code StoreSettings.eventsKept()})
     * @param pruneEvery appends between two prunes
     */
    public JdbiEventLog(Database database, Json json, long keep, int pruneEvery) {
        if (keep < 1 || pruneEvery < 1) {
            throw new IllegalArgumentException("keep and pruneEvery must be at least 1");
        }
        this.jdbi = database.jdbi();
        this.json = json;
        this.keep = keep;
        this.pruneEvery = pruneEvery;
    }

    /** Keeps the newest {@code keep} events, pruning every {@value #PRUNE_EVERY} appends. */
    public JdbiEventLog(Database database, long keep) {
        this(database, new Json(), keep, PRUNE_EVERY);
    }

    @Override
    public StoredEvent append(PipelineEvent event) {
        String payload = json.write(event);
        long seq = jdbi.withHandle(h -> h.createUpdate("INSERT INTO pipeline_events (event_type, subject, "
                        + "occurred_at, payload) VALUES (:type, :subject, :at, :payload)")
                .bind("type", event.type()).bind("subject", event.subject()).bind("at", Times.stored(event.at()))
                .bind("payload", payload).executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one());
        // the first append prunes what earlier processes left (not the constructor: the server builds this log
        // while its database may still be migrating), then every pruneEvery appends
        if (appends.getAndIncrement() % pruneEvery == 0) {
            retain(keep);
        }
        return new StoredEvent(seq, event);
    }

    @Override
    public List<StoredEvent> after(long afterSeq, int limit) {
        return read("SELECT seq, event_type, payload FROM pipeline_events WHERE seq > :after ORDER BY seq LIMIT :limit",
                "after", afterSeq, limit);
    }

    @Override
    public List<StoredEvent> about(String subject, int limit) {
        if (subject == null) {
            return List.of();
        }
        return read("SELECT seq, event_type, payload FROM pipeline_events WHERE subject = :subject ORDER BY seq "
                + "LIMIT :limit", "subject", subject, limit);
    }

    @Override
    public long lastSeq() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM pipeline_events")
                .mapTo(Long.class).one());
    }

    /**
     * Deletes all but the newest {@code keepLast} events; returns how many rows went. Runs automatically; public
     * for an operator command or a test.
     */
    public int retain(long keepLast) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must be >= 0");
        }
        int deleted = jdbi.withHandle(h -> {
            Optional<Long> boundary = h.createQuery("SELECT seq FROM pipeline_events ORDER BY seq DESC "
                    + "LIMIT 1 OFFSET :keep").bind("keep", keepLast).mapTo(Long.class).findOne();
            return boundary.map(b -> h.createUpdate("DELETE FROM pipeline_events WHERE seq <= :b").bind("b", b)
                    .execute()).orElse(0);
        });
        if (deleted > 0) {
            LOG.info("event log pruned {} old events (keeping the newest {})", deleted, keepLast);
        }
        return deleted;
    }

    private List<StoredEvent> read(String sql, String name, Object value, int limit) {
        record Row(long seq, String type, String payload) { }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(sql).bind(name, value).bind("limit", Math.max(0, limit))
                .map((r, ctx) -> new Row(r.getLong("seq"), r.getString("event_type"), r.getString("payload")))
                .list());
        List<StoredEvent> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Optional<Class<? extends PipelineEvent>> type = types.of(row.type());
            if (type.isEmpty()) {
                LOG.warn("event {} has unknown type '{}'; skipped", row.seq(), row.type());
                continue;
            }
            out.add(new StoredEvent(row.seq(), json.read(row.payload(), type.get())));
        }
        return out;
    }
}
