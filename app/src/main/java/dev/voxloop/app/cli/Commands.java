package dev.voxloop.app.cli;

import dev.voxloop.app.AgentModels;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Guards;
import dev.voxloop.app.Reviewers;
import dev.voxloop.app.Voxloop;
import dev.voxloop.app.bench.BenchCommand;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.app.demo.GitHubDemo;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.github.GitHubSettings;
import java.time.Duration;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.guard.sandbox.Sandboxes;
import dev.voxloop.loop.LoopSettings;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Registers every subcommand with what it needs. One place to see the whole CLI. */
public final class Commands {

    private Commands() {
    }

    public static CommandLine build(VoxloopCommand top, AppContext context) {
        CommandLine cli = new CommandLine(top);
        cli.addSubcommand(new InitCommand(context, top.common));
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
        cli.addSubcommand(new WorkerCommand(id -> context.app().loop().worker(id, context.app().workers())));
        cli.addSubcommand(new DemoCommand(() -> demo(context.app(), origin -> context.app().forges()
                .host(origin, "trackit")), remote -> demo(context.app(), GitHubDemo.hosting(
                GitHubSettings.from(context.config().tree()), context.app().forges().settings(), remote))
                .wakingOn(new ForgeWakeups(), Duration.ofSeconds(2))));
        CommandLine repo = new CommandLine(new RepoCommand());
        repo.addSubcommand(new RepoImportCommand(() -> context.app().forges().forge()));
        cli.addSubcommand(repo);
        cli.addSubcommand(new HookCommand(() -> Guards.hookHandler(loopSettings.get(), AgentSandbox.from(
                context.config().tree(), context.config().dataDir(), e -> { }, java.time.Clock.systemUTC()))));
        cli.addSubcommand(new GithookCommand(() -> Guards.gitHooks(loopSettings.get())));
        cli.addSubcommand(SandboxCommand.command(() -> Sandboxes.create(SandboxSettings.from(context.config().tree()),
                SandboxCommand::report, java.time.Clock.systemUTC()),
                () -> SandboxSettings.from(context.config().tree()).limits()));
        cli.addSubcommand(new ReviewCommand(() -> Reviewers.configured(context.config().tree(),
                context.config().dataDir(), System.getenv(), () -> AgentSandbox.from(context.config().tree(),
                        context.config().dataDir(), e -> { }, java.time.Clock.systemUTC()))));
        cli.addSubcommand(BenchCommand.build(context, loopSettings));
        return cli;
    }

    private static DemoRun demo(Voxloop app, DemoRun.Hosting hosting) {
        return new DemoRun(app.tracker(), app.queue(), app.events(), app.runs(), app.clock(), System.getenv(),
                new AgentModels(System.getenv()), app.sandbox(), hosting).reviewedBy(app.reviewGate(), app.reviews());
    }
}
