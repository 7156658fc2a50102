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
import java.util.LinkedHashMap;
import java.util.Map;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.guard.sandbox.Sandboxes;
import dev.voxloop.loop.LoopSettings;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Registers every subcommand with what it needs. One place to see the whole CLI. */
public final class Commands {

    private Commands() {
    }

    /** Every subcommand, as {@link #build(VoxloopCommand, AppContext, String...)} with no arguments to look at. */
    public static CommandLine build(VoxloopCommand top, AppContext context) {
        return build(top, context, new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a command, only that one is built (picocli
     * reads every command's annotations when it is added, a tenth of a second of each start for commands that do
     * not run), else all of them, so help, suggestions and errors see the whole CLI.
     */
    public static CommandLine build(VoxloopCommand top, AppContext context, String... args) {
        Map<String, Supplier<Object>> commands = subcommands(context, top);
        CommandLine cli = new CommandLine(top);
        Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            commands.values().forEach(c -> cli.addSubcommand(c.get()));
        }
        return cli;
    }

    /** Each subcommand by its name, built when asked for (the names are the commands' own: CliTest checks them). */
    static Map<String, Supplier<Object>> subcommands(AppContext context, VoxloopCommand top) {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("init", () -> new InitCommand(context, top.common));
        c.put("serve", () -> new ServeCommand(context));
        c.put("say", () -> new SayCommand(context));
        c.put("doctor", () -> new DoctorCommand(context));
        c.put("config", () -> new ConfigCommand(context));
        c.put("extract", () -> new ExtractCommand(() -> context.config().tree(),
                () -> context.app().tracker().projects(),
                () -> context.config().tree().string("tracker.default_project").orElse(null), context::close));
        c.put("transcribe", () -> new TranscribeCommand(() -> context.config().tree()));
        c.put("models", () -> new ModelsCommand(() -> context.config().tree()));
        Supplier<LoopSettings> loopSettings = () -> LoopSettings.from(context.config().tree(),
                context.config().dataDir());
        c.put("worker", () -> new WorkerCommand(context));
        c.put("demo", () -> new DemoCommand(() -> demo(context.app(), origin -> context.app().forges()
                .host(origin, "trackit")), remote -> demo(context.app(), GitHubDemo.hosting(
                GitHubSettings.from(context.config().tree()), context.app().forges().settings(), remote))
                .wakingOn(new ForgeWakeups(), Duration.ofSeconds(2)), context::close));
        c.put("repo", () -> {
            CommandLine repo = new CommandLine(new RepoCommand());
            repo.addSubcommand(new RepoImportCommand(() -> context.app().forges().forge()));
            return repo;
        });
        c.put("hook", () -> new HookCommand(() -> Guards.hookHandler(loopSettings.get(), AgentSandbox.from(
                context.config().tree(), context.config().dataDir(), e -> { }, java.time.Clock.systemUTC()))));
        c.put("githook", () -> new GithookCommand(() -> Guards.gitHooks(loopSettings.get())));
        c.put("sandbox", () -> SandboxCommand.command(() -> Sandboxes.create(
                SandboxSettings.from(context.config().tree()), SandboxCommand::report, java.time.Clock.systemUTC()),
                () -> SandboxSettings.from(context.config().tree()).limits()));
        c.put("review", () -> new ReviewCommand(() -> Reviewers.configured(context.config().tree(),
                context.config().dataDir(), System.getenv(), () -> AgentSandbox.from(context.config().tree(),
                        context.config().dataDir(), e -> { }, java.time.Clock.systemUTC()))));
        c.put("bench", () -> BenchCommand.build(context, loopSettings));
        return c;
    }

    private static DemoRun demo(Voxloop app, DemoRun.Hosting hosting) {
        return new DemoRun(app.tracker(), app.queue(), app.events(), app.runs(), app.clock(), System.getenv(),
                new AgentModels(System.getenv()), app.sandbox(), hosting).reviewedBy(app.reviewGate(), app.reviews());
    }
}
