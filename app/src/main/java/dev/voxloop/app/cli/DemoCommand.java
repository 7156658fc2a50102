package dev.voxloop.app.cli;

import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.agent.AgentProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code voxloop demo [--agent replay|claude|codex|builtin] [--forge builtin|github [--remote URL]]}: a sample repository (TrackIt), a VAT ticket, and a
 * worker with an agent taking it through red, green and the gates to a pushed branch, then on the built-in forge a
 * pull request whose CI fails once, one healing turn, green CI, the merge and the ticket Done. The replay agent needs
 * a JDK and git, nothing else; with {@code --forge github} the pull request, its checks (GitHub Actions) and
 * reviews live on GitHub instead; a real agent reads its usual environment (ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY for
 * claude, OPENAI_BASE_URL and OPENAI_API_KEY for codex and builtin, OLLAMA_URL for builtin on Ollama). Ctrl-C or
 * SIGTERM ends the run after its current step (up to ten seconds), says where it was left, and then closes the
 * models and the database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the agent loop end to end on a sample repository (replay agent by default).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "where the sample repository, its origin and the workspace go"
            + " (default: a new temporary directory)")
    Path dir;

    @Option(names = "--project", defaultValue = "TRACK", description = "tracker project key for the ticket")
    String project;

    @Option(names = "--agent", defaultValue = "replay", description = "replay (default), claude, codex or builtin")
    String agent;

    @Option(names = "--model", description = "the model a real agent asks for (default: the agent's own)")
    String model;

    @Option(names = "--forge", defaultValue = "builtin", description = "builtin (default: voxloop hosts the sample and"
            + " runs its CI) or github (the API at GITHUB_API_URL for GITHUB_REPOSITORY with GITHUB_TOKEN)")
    String forge;

    @Option(names = "--remote", description = "with --forge github: the git remote the sample and its branch are"
            + " pushed to (default: the sample's local bare repository)")
    String remote;

    @Option(names = "--json", description = "print the progress on stderr and one JSON object with the outcome on"
            + " stdout")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Supplier<DemoRun> demo;
    private final Function<String, DemoRun> onGitHub;
    private final PrintStream out;
    private final StopSignals.Setup stops;
    private final Runnable close;

    /** @param close closes what the demos opened (the database), when a signal stops the command */
    public DemoCommand(Supplier<DemoRun> demo, Function<String, DemoRun> onGitHub, Runnable close) {
        this(demo, onGitHub, System.out, StopSignals.SIGNALLED, close);
    }

    public DemoCommand(Supplier<DemoRun> demo) {
        this(demo, System.out);
    }

    public DemoCommand(Supplier<DemoRun> demo, PrintStream out) {
        this(demo, remote -> {
            throw new IllegalArgumentException("this voxloop has no GitHub forge wired");
        }, out);
    }

    /** @param onGitHub the demo on GitHub pushing to a remote (null: the sample's local bare repository) */
    public DemoCommand(Supplier<DemoRun> demo, Function<String, DemoRun> onGitHub, PrintStream out) {
        this(demo, onGitHub, out, StopSignals.IN_PROCESS, () -> { });
    }

    private DemoCommand(Supplier<DemoRun> demo, Function<String, DemoRun> onGitHub, PrintStream out,
                        StopSignals.Setup stops, Runnable close) {
        this.demo = demo;
        this.onGitHub = onGitHub;
        this.out = out;
        this.stops = stops;
        this.close = close;
    }

    @Override
    public Integer call() throws IOException {
        Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("voxloop-demo-");
        if (!List.of("replay", "claude", "codex", "builtin").contains(agent)) {
            throw new ParameterException(spec.commandLine(), "unknown agent '" + agent
                    + "' (replay, claude, codex or builtin)");
        }
        if (!List.of("builtin", "github").contains(forge)) {
            throw new ParameterException(spec.commandLine(), "unknown forge '" + forge + "' (builtin or github)");
        }
        if (remote != null && !forge.equals("github")) {
            throw new ParameterException(spec.commandLine(), "--remote goes with --forge github");
        }
        AtomicReference<DemoRun> running = new AtomicReference<>();
        AtomicReference<DemoRun.Outcome> ended = new AtomicReference<>();
        PrintStream progress = json ? System.err : out;
        // before anything opens: a stop ends the run after its current step, then closes models and database
        StopSignals signals = stops.install(() -> {
            DemoRun r = running.get();
            if (r != null) {
                r.stop();
            }
        }, stepEnded -> progress.println(DemoStopped.message(ended.get(), stepEnded)), close);
        DemoRun run;
        try {
            run = signals.step(() -> forge.equals("github") ? onGitHub.apply(remote) : demo.get());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        running.set(run);
        if (signals.began()) {
            // the stop came while the demo was wired and found nothing to end
            run.stop();
        }
        AgentProfile profile = new AgentProfile(agent, List.of(), model, null, null, List.of());
        DemoRun.Outcome o = signals.step(() -> {
            DemoRun.Outcome outcome = run.run(d, project, profile, progress);
            ended.set(outcome);
            return outcome;
        });
        signals.step(() -> {
            if (json) {
                out.println(DemoJson.of(o));
            }
            return null;
        });
        LoopState end = o.run().state();
        return end == LoopState.MERGED || (o.forge() == null && end == LoopState.PUSHED) ? 0 : 1;
    }
}
