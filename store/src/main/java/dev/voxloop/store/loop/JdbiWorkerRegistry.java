package dev.voxloop.store.loop;

import dev.voxloop.core.loop.WorkerBeat;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.store.Database;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Workers' reports in {@code loop_workers}, one row per worker id (update, or insert the first time). */
public final class JdbiWorkerRegistry implements WorkerRegistry {

    private final Jdbi jdbi;

    public JdbiWorkerRegistry(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void beat(WorkerBeat b) {
        jdbi.useHandle(h -> {
            if (update(h, b) == 0) {
                try {
                    h.createUpdate("INSERT INTO loop_workers (worker_id, host, pid, projects, ticket_key, started_at, "
                                    + "seen_at) VALUES (:id, :host, :pid, :projects, :ticket, :started, :seen)")
                            .bind("id", b.id()).bind("host", b.host()).bind("pid", b.pid())
                            .bind("projects", String.join(",", b.projects())).bind("ticket", b.ticket())
                            .bind("started", Times.stored(b.startedAt())).bind("seen", Times.stored(b.seenAt()))
                            .execute();
                } catch (RuntimeException e) {
                    if (!Unique.violated(e)) {
                        throw e;
                    }
                    update(h, b); // inserted by a racing beat of the same worker
                }
            }
        });
    }

    private static int update(Handle h, WorkerBeat b) {
        return h.createUpdate("UPDATE loop_workers SET projects = :projects, ticket_key = :ticket, seen_at = :seen "
                        + "WHERE worker_id = :id")
                .bind("projects", String.join(",", b.projects())).bind("ticket", b.ticket())
                .bind("seen", Times.stored(b.seenAt())).bind("id", b.id()).execute();
    }

    @Override
    public List<WorkerBeat> seenSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT worker_id, host, pid, projects, ticket_key, started_at, "
                        + "seen_at FROM loop_workers WHERE seen_at >= :since ORDER BY seen_at DESC, worker_id")
                .bind("since", Times.stored(since))
                .map((r, ctx) -> new WorkerBeat(r.getString("worker_id"), r.getString("host"), r.getLong("pid"),
                        r.getString("projects").isEmpty() ? List.of()
                                : Arrays.asList(r.getString("projects").split(",")),
                        r.getString("ticket_key"), Times.read(r, "started_at"), Times.read(r, "seen_at")))
                .list());
    }

    @Override
    public void leave(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM loop_workers WHERE worker_id = :id").bind("id", id).execute());
    }
}
