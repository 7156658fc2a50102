package dev.voxloop.app.bench;

import dev.voxloop.bench.guard.HookBench;
import dev.voxloop.bench.guard.PolicyBench;
import dev.voxloop.bench.loop.LoopClaimBench;
import dev.voxloop.core.guard.ToolUsePolicy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop bench loop policy [--corpus FILE]}: the tool-use policy's error rates on a corpus (ours by
 * default, or a held-out one); {@code voxloop bench loop overhead} prints the orchestrator's overhead per turn;
 * {@code voxloop bench loop claims --db URL} runs N worker processes claiming M tickets (zero double claims);
 * {@code voxloop bench loop hooks [--calls N]} times the agent hook round trip (launcher, socket, policy).
 */
@Command(name = "loop", mixinStandardHelpOptions = true, description = "Loop benchmarks: policy, overhead.")
public final class BenchLoopCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "policy", description = "policy, overhead, claims or hooks")
    String what;

    @Option(names = "--corpus", description = "JSON-lines corpus (expect, tool_name, tool_input)",
            defaultValue = "bench/src/test/resources/policy/corpus.jsonl")
    Path corpus;

    @Option(names = "--turns", defaultValue = "20", description = "turns for the overhead benchmark")
    int turns;

    @Option(names = "--calls", defaultValue = "500", description = "hook calls for the hooks benchmark")
    int calls;

    @Option(names = "--workers", defaultValue = "4", description = "worker processes for the claims benchmark")
    int workers;

    @Option(names = "--tickets", defaultValue = "2000", description = "queued tickets for the claims benchmark")
    int tickets;

    @Option(names = "--db", description = "JDBC URL for the claims benchmark (PostgreSQL)",
            defaultValue = "${env:VOXLOOP_TEST_DB_URL}")
    String db;

    @Option(names = "--db-user", defaultValue = "${env:VOXLOOP_TEST_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:VOXLOOP_TEST_DB_PASSWORD}")
    String dbPassword;

    private final Supplier<ToolUsePolicy> policy;
    private final IntFunction<String> overhead;
    private final Supplier<HookBench> hooks;
    private final PrintStream out;

    /**
     * @param overhead runs the overhead benchmark for a number of turns and returns its report
     * @param hooks    the hook round-trip benchmark over the guard's agent hooks
     */
    public BenchLoopCommand(Supplier<ToolUsePolicy> policy, IntFunction<String> overhead, Supplier<HookBench> hooks,
                            PrintStream out) {
        this.hooks = hooks;
        this.policy = policy;
        this.overhead = overhead;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (what.equals("policy")) {
            if (!Files.exists(corpus)) {
                out.println("corpus not found: " + corpus);
                return 2;
            }
            PolicyBench.Report r = new PolicyBench(policy.get()).run(corpus);
            out.print(r.render());
            return 0;
        }
        if (what.equals("overhead")) {
            out.println(overhead.apply(turns));
            return 0;
        }
        if (what.equals("claims")) {
            if (db == null || db.isBlank()) {
                out.println("the claims benchmark needs --db jdbc:postgresql://... (or VOXLOOP_TEST_DB_URL)");
                return 2;
            }
            out.print(LoopClaimBench.run(db, dbUser, dbPassword, workers, tickets));
            return 0;
        }
        if (what.equals("hooks")) {
            Path dir = Files.createTempDirectory("voxloop-hook-bench-");
            out.print(hooks.get().run(dir, calls).render());
            return 0;
        }
        out.println("unknown benchmark '" + what + "' (policy, overhead, claims or hooks)");
        return 2;
    }
}
