package dev.voxloop.app.bench;

import dev.voxloop.bench.pipeline.PipelineLoad;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop bench pipeline --url URL}: text-to-ticket load at several concurrency levels. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Load POST /api/pipeline/run of a running server (start it with PIPELINE_REQUIRE_APPROVAL=false)"
                + " and print p50/p99 latency and requests per second per concurrency level. See bench/pipeline.sh.")
public final class BenchPipelineCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8000", description = "Server base URL.")
    URI url;

    @Option(names = "--clients", split = ",", defaultValue = "1,8,32", description = "Concurrency levels.")
    List<Integer> clients;

    @Option(names = "--requests", defaultValue = "1600", description = "Requests per level (split across clients).")
    int requests;

    @Option(names = "--warmup", defaultValue = "300", description = "Warm-up requests before measuring.")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PipelineLoad load = new PipelineLoad(url, System.getenv("VOXLOOP_API_TOKEN"));
        load.warmUp(warmup);
        int failed = 0;
        for (int c : clients) {
            PipelineLoad.Result r = load.run(c, Math.max(1, requests / c));
            System.out.println(r);
            failed += r.errors();
        }
        return failed == 0 ? 0 : 1;
    }
}
