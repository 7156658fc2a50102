package dev.voxloop.app.bench;

import dev.voxloop.app.Guards;
import dev.voxloop.app.cli.AppContext;
import dev.voxloop.bench.guard.HookBench;
import dev.voxloop.bench.loop.OverheadBench;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.guard.sandbox.Sandboxes;
import dev.voxloop.loop.LoopSettings;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code voxloop bench AREA}: the measured figures of docs/benchmarks.md. This package is the only production
 * code that reaches the {@code bench} module (an architecture test keeps it so).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "AREA",
        description = "Benchmarks that print their figures (results are recorded in docs/benchmarks.md).")
public final class BenchCommand implements Runnable {

    /** The {@code bench} command with one subcommand per area. */
    public static CommandLine build(AppContext context, Supplier<LoopSettings> loopSettings) {
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand(new BenchPipelineCommand());
        bench.addSubcommand(new BenchStreamsCommand());
        bench.addSubcommand(new BenchSoakCommand());
        bench.addSubcommand(new BenchIntentCommand(() -> context.config().tree()));
        bench.addSubcommand(new BenchDuplicatesCommand(() -> context.config().tree()));
        bench.addSubcommand(new BenchSpeechCommand(() -> context.config().tree()));
        bench.addSubcommand(new BenchLoopCommand(() -> Guards.policy(loopSettings.get()),
                turns -> new OverheadBench(context.app().runs(), context.app().tracker(), context.app().events(),
                        context.app().sandbox()).run("TRACK", turns),
                () -> new HookBench(Guards.agentHooks(loopSettings.get(), context.app().sandbox()), Guards.markers()), System.out));
        bench.addSubcommand(new BenchReviewCommand(dev.voxloop.forge.review.BuiltinReviewer::standard, System.out));
        bench.addSubcommand(new BenchSandboxCommand(() -> Sandboxes.create(
                SandboxSettings.from(context.config().tree()), e -> { }, java.time.Clock.systemUTC()),
                () -> Sandboxes.create(SandboxSettings.from(new ConfigTree(java.util.Map.of("sandbox",
                        java.util.Map.of("backend", "none")))), e -> { }, java.time.Clock.systemUTC()), System.out));
        return bench;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing area, e.g. voxloop bench pipeline");
    }
}
