package dev.voxloop.app.bench;

import dev.voxloop.bench.soak.SoakBench;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop bench soak --url URL --pid PID --minutes 10}: a long mixed load, figures from /metrics. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Mixed load for a while against a running server (no API token; see bench/soak.sh): typed and"
                + " spoken intakes with confirmations, answers, approvals and discards, dashboard reads, stream"
                + " readers, idle and dead stream clients. Prints p50/p99 per request kind, errors, the database"
                + " pool at its busiest, and threads, RSS and heap at the start and the end, read from /metrics and"
                + " /proc. Exit 1 when any request failed on the server's side or got no answer.")
public final class BenchSoakCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8000", description = "Server base URL.")
    URI url;

    @Option(names = "--pid", required = true, description = "The server's process id (threads and RSS are read"
            + " from /proc).")
    long pid;

    @Option(names = "--minutes", defaultValue = "10", description = "How long the load runs.")
    double minutes;

    @Option(names = "--clips", description = "A directory of WAV recordings for the spoken intakes"
            + " (bench/soak.sh passes ../shared/testdata/speech); none: typed intakes only.")
    Path clips;

    @Option(names = "--typed-clients", defaultValue = "4", description = "Concurrent typed-intake clients.")
    int typed;

    @Option(names = "--audio-clients", defaultValue = "1", description = "Concurrent spoken-intake clients.")
    int audio;

    @Override
    public Integer call() throws Exception {
        SoakBench.Load d = SoakBench.Load.DEFAULT;
        SoakBench.Load load = new SoakBench.Load(typed, audio, d.sseReaders(), d.eventSockets(), d.statusSockets(),
                d.idleTcpPerMinute(), d.silentSocketsPerMinute(), d.stuckSsePerMinute());
        return new SoakBench(url, pid, System.out).run(Duration.ofMillis(Math.round(minutes * 60_000)), clips, load)
                ? 0 : 1;
    }
}
