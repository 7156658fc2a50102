package dev.voxloop.bench.store;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints the latency of the store's work for one text-to-ticket intake (session insert + 3 updates, ticket
 * create, enqueue, 5 events) and of a queue claim + complete, at several concurrency levels.
 * Usage: {@code java -cp ... dev.voxloop.bench.store.StoreBench [DATA_DIR] [REQUESTS_PER_LEVEL] } (H2 unless
 * VOXLOOP_DB_URL is set).
 */
public final class StoreBench {

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("voxloop-bench-");
        int perLevel = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        StoreSettings settings = StoreSettings.embedded(dir);
        String url = System.getenv("VOXLOOP_DB_URL");
        if (url != null && !url.isBlank()) {
            settings = settings.withUrl(url, System.getenv("VOXLOOP_DB_USER"), System.getenv("VOXLOOP_DB_PASSWORD"));
        }
        try (Database db = Database.open(settings)) {
            var sessions = new JdbiIntakeRepository(db);
            var tracker = new BuiltinTracker(db, TrackerProjects.DEFAULTS, "http://127.0.0.1:8000");
            var queue = new JdbiLoopQueue(db);
            var events = new JdbiEventLog(db, 100_000);
            AtomicInteger ids = new AtomicInteger();
            String run = Long.toHexString(System.nanoTime());
            System.out.printf("store bench: %s, %d operations per level%n", db.describe(),
                    perLevel / 4);
            for (int threads : new int[] {1, 8, 32}) {
                measure("intake->ticket", threads, perLevel / 4, () -> {
                    String id = run + "-" + ids.incrementAndGet();
                    Instant now = Instant.now();
                    IntakeSession s = sessions.insert(IntakeSession.received(id, false, "bench request", now));
                    events.append(new PipelineEvent.StageChanged(now, id, Stage.EXTRACTING, "x"));
                    s = sessions.update(s.moveTo(IntakeState.EXTRACTING, now));
                    s = sessions.update(s.moveTo(IntakeState.CREATING, now));
                    events.append(new PipelineEvent.StageChanged(now, id, Stage.CREATING, "x"));
                    var t = tracker.create(new TicketDraft("Bench ticket " + id, "d", List.of("ac"), IssueType.BUG,
                            Priority.HIGH, "BOOK", null, List.of()), new Provenance(id, false, "said", now));
                    sessions.update(s.moveTo(IntakeState.CREATED, now).filed(t.key(), t.url()));
                    events.append(new PipelineEvent.TicketCreated(now, id, t.key(), t.url(), t.summary()));
                    queue.enqueue(t.key(), t.summary());
                    events.append(new PipelineEvent.TicketQueued(now, t.key(), t.summary()));
                });
                measure("claim+complete", threads, perLevel / 4, () -> queue.claim("bench", Duration.ofMinutes(5))
                        .ifPresent(e -> queue.complete(e.key(), true, null, 3)));
            }
        }
    }

    private static void measure(String what, int threads, int perThreadTotal, Runnable op) throws Exception {
        int total = Math.max(threads, perThreadTotal);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(total);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    op.run();
                    nanos.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-15s threads=%2d n=%4d  p50=%7.2f ms  p99=%7.2f ms  %7.1f ops/s%n", what, threads,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6, sorted.size() / seconds);
    }
}
