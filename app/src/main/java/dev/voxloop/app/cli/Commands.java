package dev.voxloop.app.cli;

import dev.voxloop.app.Voxloop;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.demo.DemoRun;
import dev.voxloop.loop.policy.ToolUsePolicy;
import dev.voxloop.loop.run.OverheadBench;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Registers every subcommand with what it needs. One place to see the whole CLI. */
public final class Commands {

    private Commands() {
    }

    public static CommandLine build(VoxloopCommand top, AppContext context) {
        CommandLine cli = new CommandLine(top);
        cli.addSubcommand(new ServeCommand(context));
        cli.addSubcommand(new SayCommand(context));
        cli.addSubcommand(new DoctorCommand(context));
        cli.addSubcommand(new ConfigCommand(context));
        cli.addSubcommand(new ExtractCommand(() -> context.config().tree(), () -> context.app().tracker().projects(),
                () -> context.config().tree().string("tracker.default_project").orElse(null)));
        cli.addSubcommand(new TranscribeCommand(() -> context.config().tree()));
        cli.addSubcommand(new ModelsCommand(() -> context.config().tree()));
        Supplier<LoopSettings> loopSettings = () -> LoopSettings.from(context.config().tree(),
                context.config().dataDir());
        cli.addSubcommand(new WorkerCommand(() -> context.app().loop()));
        cli.addSubcommand(new DemoCommand(() -> {
            Voxloop app = context.app();
            return new DemoRun(app.tracker(), app.queue(), app.events(), app.runs(), app.clock(),
                    origin -> app.forges().host(origin, "trackit"));
        }));
        CommandLine repo = new CommandLine(new RepoCommand());
        repo.addSubcommand(new RepoImportCommand(() -> context.app().forges().forge()));
        cli.addSubcommand(repo);
        cli.addSubcommand(new HookCommand(() -> LoopEngine.hookHandler(loopSettings.get())));
        cli.addSubcommand(new GithookCommand(() -> LoopEngine.gitHooks(loopSettings.get())));
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand(new BenchPipelineCommand());
        bench.addSubcommand(new BenchIntentCommand(() -> context.config().tree()));
        bench.addSubcommand(new BenchSpeechCommand(() -> context.config().tree()));
        bench.addSubcommand(new BenchLoopCommand(() -> new ToolUsePolicy(loopSettings.get().allowlist()),
                turns -> new OverheadBench(context.app().runs(), context.app().tracker(), context.app().events())
                        .run("TRACK", turns), System.out));
        cli.addSubcommand(bench);
        return cli;
    }

    /** {@code voxloop bench AREA}: the measured figures of docs/benchmarks.md. */
    @Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "AREA",
            description = "Benchmarks that print their figures (results are recorded in docs/benchmarks.md).")
    static final class BenchCommand implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "Missing area, e.g. voxloop bench pipeline");
        }
    }
}
