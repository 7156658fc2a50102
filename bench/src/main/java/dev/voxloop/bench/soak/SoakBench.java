package dev.voxloop.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long mixed load against a running server, its figures read from the server's own {@code /metrics} (and
 * {@code /proc} for RSS): typed and spoken intakes driven to their end (confirmations, clarification answers,
 * approvals, discards), dashboard reads, stream readers that stay and ones that come and go, and clients the server
 * must drop by itself (idle connections, WebSockets that never answer a ping, SSE clients that never read). Reports
 * per request kind p50/p99, every answer that was not a success, the database pool's worst moment, and threads, RSS
 * and heap at the start and after the load, to show whether anything grows.
 */
public final class SoakBench {

    /** What a run asks of the server, per minute or at once. */
    public record Load(int typedClients, int audioClients, int sseReaders, int eventSockets, int statusSockets,
                       int idleTcpPerMinute, int silentSocketsPerMinute, int stuckSsePerMinute) {

        public static final Load DEFAULT = new Load(4, 1, 8, 8, 4, 20, 5, 2);
    }

    private final URI base;
    private final ServerProcess process;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean running = true;
    /** The first sample after {@link #WARM_UP} of load: the base that "flat" is judged from. */
    private Snapshot steady;

    /**
     * How long the load runs before the steady state is sampled. In the first minute the JIT compiles the hot paths
     * (code cache) and the young generation's regions are written for the first time, so the process's resident
     * memory rises to what the configured heap allows; growth after that is what would keep going.
     */
    static final Duration WARM_UP = Duration.ofMinutes(1);

    /**
     * How long the server is left alone before the start and the end samples: longer than the longest idle time of
     * its thread pools (the database's file threads leave after 60 s idle, request threads after 10 s, the virtual
     * threads' carriers after 30 s), so both samples count the threads an idle server keeps, not the last burst's.
     */
    static final Duration QUIET = Duration.ofSeconds(65);
    private static final String[] READS = {"/health", "/api/loop/queue", "/api/tickets?limit=20", "/api/loop/status",
            "/api/loop/runs?limit=20", "/"};

    public SoakBench(URI base, long pid, PrintStream out) {
        this.base = base;
        this.process = new ServerProcess(pid);
        this.out = out;
    }

    /** Figures of one run; false when any request failed on the server's side or got no answer. */
    public boolean run(Duration length, Path clipDir, Load load) throws Exception {
        List<Path> clips = clips(clipDir);
        Conversations warmUp = new Conversations(base, http);
        Conversations talk = new Conversations(base, http);
        out.printf("load: %d typed-intake clients, %d audio-intake client(s) over %d clips, %d SSE + %d event-socket"
                        + " + %d status-socket readers, stream churn every 3 s, per minute %d idle TCP connections,"
                        + " %d WebSockets that never answer a ping, %d SSE clients that never read; dashboard reads"
                        + " every 100 ms; %s%n", load.typedClients(), load.audioClients(), clips.size(),
                load.sseReaders(), load.eventSockets(), load.statusSockets(), load.idleTcpPerMinute(),
                load.silentSocketsPerMinute(), load.stuckSsePerMinute(), length);
        for (int i = 0; i < 6; i++) {
            warmUp.typed(-1 - i);
        }
        if (!clips.isEmpty()) {
            warmUp.spoken(-1, clips.getFirst().getFileName().toString(), Files.readAllBytes(clips.getFirst()));
        }
        for (String read : READS) {
            warmUp.read(read);
        }
        // every kind of stream once, so the threads the JVM starts on first use (the virtual threads' scheduler
        // helpers, started with the first stream reader) are there before the start sample, as they are at the end
        try (StreamClients once = new StreamClients(base, http)) {
            once.readers(1, 1, 1);
            Thread.sleep(2_000);
        }
        Thread.sleep(QUIET);
        ThreadNames namesBefore = ThreadNames.of(process.pid());
        PromText start = scrape();
        Snapshot first = Snapshot.of(process, start);
        out.printf("start (engines loaded, every kind of request done once, then %d s quiet; before the load): %s%n",
                QUIET.toSeconds(), first);

        Figures figures = new Figures();
        AtomicLong n = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        try (StreamClients streams = new StreamClients(base, http);
             ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            streams.readers(load.sseReaders(), load.eventSockets(), load.statusSockets());
            for (int i = 0; i < load.typedClients(); i++) {
                workers.submit(() -> repeat(deadline, Duration.ofMillis(200), () -> talk.typed(n.incrementAndGet())));
            }
            for (int i = 0; i < load.audioClients() && !clips.isEmpty(); i++) {
                workers.submit(() -> repeat(deadline, Duration.ofSeconds(1), () -> {
                    long k = n.incrementAndGet();
                    Path clip = clips.get((int) Math.floorMod(k, (long) clips.size()));
                    talk.spoken(k, clip.getFileName().toString(), Files.readAllBytes(clip));
                }));
            }
            workers.submit(() -> repeat(deadline, Duration.ofMillis(100),
                    () -> talk.read(READS[(int) (n.incrementAndGet() % READS.length)])));
            workers.submit(() -> repeat(deadline, Duration.ofSeconds(3),
                    () -> streams.churn(n.incrementAndGet(), Duration.ofSeconds(2))));
            workers.submit(() -> repeat(deadline, Duration.ofSeconds(60), () -> streams.deadClients(
                    load.idleTcpPerMinute(), load.silentSocketsPerMinute(), load.stuckSsePerMinute())));
            long nextLine = System.nanoTime();
            long warmedUp = System.nanoTime() + WARM_UP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.alive()) {
                    running = false;
                    throw new IllegalStateException("the server process " + process.pid() + " is gone");
                }
                PromText now = scrape();
                figures.sample(now);
                if (System.nanoTime() >= nextLine) {
                    Snapshot s = Snapshot.of(process, now);
                    if (steady == null && System.nanoTime() >= warmedUp) {
                        steady = s;
                    }
                    out.printf("  %5.1f min: %s%s%n", (length.toNanos() - (deadline - System.nanoTime())) / 6e10,
                            s, steady == s ? "  <- after warm-up" : "");
                    nextLine += Duration.ofMinutes(1).toNanos();
                }
                Thread.sleep(5_000);
            }
            running = false;
            workers.shutdown();
            workers.awaitTermination(3, TimeUnit.MINUTES);
            out.printf("stream events read by the clients: %d; stream clients refused: %d%n", streams.eventsRead.get(),
                    streams.refused.get());
        }
        PromText loaded = scrape();
        out.printf("after the load, clients still connected: %s%n", Snapshot.of(process, loaded));
        Thread.sleep(QUIET); // idle pool threads leave (see QUIET); dead stream clients within two pings
        ThreadNames namesAfter = ThreadNames.of(process.pid());
        PromText end = scrape();
        Snapshot last = Snapshot.of(process, end);
        out.printf("end (clients gone, %d s later): %s%n", QUIET.toSeconds(), last);
        List<String> changed = namesAfter.changedSince(namesBefore);
        out.printf("JVM threads by name (numbers as N), start -> end, only the names whose count changed:%s%n",
                changed.isEmpty() ? " none" : "\n  " + String.join("\n  ", changed));
        long errors = figures.report(out, start, loaded, talk);
        out.printf("growth from the start: threads %+d, RSS %+d MB, heap used %+d MB (JVM threads %+d)%n",
                last.threads() - first.threads(), last.rssMb() - first.rssMb(), last.heapMb() - first.heapMb(),
                last.jvmThreads() - first.jvmThreads());
        if (steady != null) {
            out.printf("growth after warm-up (first %d min of load) to the end: threads %+d, RSS %+d MB (%+.1f %%),"
                            + " heap committed %+d MB (JVM threads %+d)%n", WARM_UP.toMinutes(),
                    last.threads() - steady.threads(), last.rssMb() - steady.rssMb(),
                    100.0 * (last.rssMb() - steady.rssMb()) / steady.rssMb(),
                    last.heapCommittedMb() - steady.heapCommittedMb(), last.jvmThreads() - steady.jvmThreads());
        }
        return errors == 0;
    }

    private interface Step {
        void run() throws Exception;
    }

    private Void repeat(long deadline, Duration pause, Step step) {
        while (running && System.nanoTime() < deadline) {
            try {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    out.printf("  load step failed: %s%n", e); // the pause still applies: a dead server is not hammered
                }
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private PromText scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + r.statusCode());
        }
        return PromText.parse(r.body());
    }

    private static List<Path> clips(Path dir) throws IOException {
        List<Path> clips = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".wav")).sorted().forEach(clips::add);
            }
        }
        return clips;
    }

    /** The process and the JVM at one moment. */
    record Snapshot(int threads, long rssMb, int jvmThreads, long heapMb, long heapCommittedMb, int streamClients,
                    long dbActive, long queuePending) {

        static Snapshot of(ServerProcess p, PromText m) {
            return new Snapshot(p.threads(), p.rssMb(), (int) m.sum("jvm_threads_live_threads"),
                    Math.round(m.sum("jvm_memory_used_bytes", "area", "heap") / 1048576),
                    Math.round(m.sum("jvm_memory_committed_bytes", "area", "heap") / 1048576),
                    (int) m.sum("voxloop_stream_clients"), Math.round(m.sum("hikaricp_connections_active")),
                    Math.round(m.sum("voxloop_queue_pending")));
        }

        @Override
        public String toString() {
            return String.format("threads=%d rss=%d MB jvm_threads=%d heap_used=%d MB heap_committed=%d MB"
                    + " stream_clients=%d db_active=%d queue_pending=%d", threads, rssMb, jvmThreads, heapMb,
                    heapCommittedMb, streamClients, dbActive, queuePending);
        }
    }
}
