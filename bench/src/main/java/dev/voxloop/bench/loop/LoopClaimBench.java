package dev.voxloop.bench.loop;

import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.queue.JdbiLoopQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code voxloop bench loop claims}: N worker <em>processes</em> claim and complete M queued tickets from one
 * database (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}) as fast as they can; prints claims per second and the
 * number of tickets claimed more than once (must be zero). Runs in its own schema, which it drops first.
 */
public final class LoopClaimBench {

    private static final String SCHEMA = "voxloop_claim_bench";

    private LoopClaimBench() {
    }

    /** Child process: url user password worker-id start-file out-file. */
    public static void main(String[] a) throws Exception {
        StoreSettings s = StoreSettings.embedded(Path.of(".")).withUrl(a[0], a[1], a[2]).withSchema(SCHEMA)
                .withPoolSize(2);
        Path start = Path.of(a[4]);
        List<String> claimed = new ArrayList<>();
        try (Database db = Database.open(s)) {
            JdbiLoopQueue q = new JdbiLoopQueue(db);
            while (!Files.exists(start)) {
                Thread.sleep(5);
            }
            while (true) {
                Optional<QueueEntry> e = q.claim(a[3], Duration.ofMinutes(5));
                if (e.isEmpty()) {
                    break;
                }
                claimed.add(e.get().key());
                q.complete(e.get().key(), true, null, 3);
            }
        }
        Files.write(Path.of(a[5]), claimed);
    }

    public static String run(String url, String user, String password, int workers, int tickets) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        StoreSettings s = StoreSettings.embedded(Path.of(".")).withUrl(url, user, password).withSchema(SCHEMA)
                .withPoolSize(4);
        try (Database db = Database.open(s)) {
            JdbiLoopQueue q = new JdbiLoopQueue(db);
            for (int i = 1; i <= tickets; i++) {
                q.enqueue("BENCH-" + i, "claim bench " + i);
            }
        }
        Path dir = Files.createTempDirectory("voxloop-claims-");
        Path start = dir.resolve("start");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LoopClaimBench.class.getName(),
                    url, user, password, "w" + w, start.toString(), dir.resolve("w" + w + ".txt").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("w" + w + ".log").toFile()).start());
        }
        Thread.sleep(Duration.ofSeconds(8).toMillis()); // let every child open its pool and migrate-check
        long t0 = System.nanoTime();
        Files.createFile(start);
        for (Process p : ps) {
            p.waitFor(10, TimeUnit.MINUTES);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> seen = new HashMap<>();
        List<String> perWorker = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path f = dir.resolve("w" + w + ".txt");
            List<String> keys = Files.exists(f) ? Files.readAllLines(f) : List.of();
            perWorker.add("w" + w + "=" + keys.size());
            keys.forEach(k -> seen.merge(k, 1, Integer::sum));
        }
        long doubles = seen.values().stream().filter(n -> n > 1).count();
        int done;
        try (Database db = Database.open(s)) {
            done = new JdbiLoopQueue(db).list(QueueStatus.DONE, tickets + 10).size();
        }
        return String.format(Locale.ROOT, "claims: %d tickets, %d worker processes, %.2f s (claim+complete, from the"
                        + " start signal): %.0f claims/s%n  distinct claimed %d, claimed more than once %d, DONE in"
                        + " the queue %d; per worker %s%n", tickets, workers, secs, seen.size() / secs, seen.size(),
                doubles, done, perWorker);
    }

    static void cleanup(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
