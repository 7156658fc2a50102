package dev.voxloop.app.cli;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Guards;
import dev.voxloop.app.init.AgentChoice;
import dev.voxloop.app.init.CommandTrial;
import dev.voxloop.app.init.InitRequest;
import dev.voxloop.app.init.InitResult;
import dev.voxloop.app.init.ProjectInit;
import dev.voxloop.app.init.Prompter;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.github.GitCredentials;
import dev.voxloop.github.GitHubDoctor;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop init}: registers a project on the person's repository and proposes how the loop works on it. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Set up a project on your repository: register it (built-in tracker, or the configured Jira"
                + " project), detect the build and propose test, lint and coverage commands, run them once in a"
                + " clone, check which agents are usable, and write voxloop.yaml plus a proposed .voxloop/loop.yaml."
                + " Asks for each value (Enter keeps the proposal, - leaves it unset); --yes takes every proposal."
                + " Re-running changes only what you change.")
public final class InitCommand implements Callable<Integer> {

    private final AppContext context;
    private final CommonOptions common;
    private final PrintStream out = System.out;

    @Option(names = "--repo", paramLabel = "PATH|URL", description = "Your repository: a local git repository or a URL")
    String repo;

    @Option(names = "--project", paramLabel = "KEY", description = "Project key (tickets are KEY-1, KEY-2, ...)")
    String project;

    @Option(names = "--name", description = "Project name (default: the repository's name)")
    String name;

    @Option(names = "--agent", description = "claude, codex or builtin (default: the first usable one)")
    String agent;

    @Option(names = "--test", description = "Test command (default: proposed from the build)")
    String test;

    @Option(names = "--lint", description = "Lint command (- for none)")
    String lint;

    @Option(names = "--coverage", description = "Coverage command writing a JaCoCo XML report (- for none)")
    String coverage;

    @Option(names = "--github", paramLabel = "OWNER/NAME", description = "Tickets as GitHub Issues of this repository"
            + " (tracker.kind github; needs GITHUB_TOKEN, which is checked and never written); --repo defaults to"
            + " its clone URL")
    String github;

    @Option(names = "--import", description = "Import the repository into the built-in forge (as `voxloop repo"
            + " import` does), so the loop clones it from there and opens pull requests on it")
    boolean importRepo;

    @Option(names = {"-y", "--yes"}, description = "Take every proposal without asking")
    boolean yes;

    @Option(names = "--no-run", description = "Do not run the commands once to check them")
    boolean noRun;

    @Option(names = "--command-timeout", defaultValue = "10m", description = "Limit for each trial run (default 10m)")
    String commandTimeout;

    public InitCommand(AppContext context, CommonOptions common) {
        this.context = context;
        this.common = common;
    }

    @Override
    public Integer call() throws IOException {
        Path config = common.config != null ? common.config.toAbsolutePath().normalize()
                : Path.of("voxloop.yaml").toAbsolutePath();
        if (!Files.exists(config)) {
            Files.createDirectories(config.toAbsolutePath().getParent());
            Files.writeString(config, "# voxloop configuration (voxloop.example.yaml lists every key)\n");
        }
        ConfigTree tree = context.config().tree();
        boolean jira = "jira".equals(tree.string("tracker.kind").orElse(null))
                || (tree.string("tracker.kind").isEmpty() && tree.string("tracker.jira.url").isPresent());
        Prompter prompter = new Prompter(yes ? null
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        ProjectInit.GitHubRemote remote = null;
        if (github != null) {
            GitHubSettings settings = GitHubSettings.from(tree);
            checkGitHub(settings);
            remote = new ProjectInit.GitHubRemote(settings.webUrl() + "/" + github + ".git",
                    new GitCredentials(settings.credentials()));
        }
        Path scratch = Files.createTempDirectory("voxloop-init-");
        try {
            ProjectInit init = new ProjectInit(prompter, out, () -> agents(tree),
                    new CommandTrial(Duration.parse("PT" + commandTimeout.toUpperCase(java.util.Locale.ROOT))),
                    scratch, () -> new HostedImport(context.app().forges().forge()), remote);
            InitResult r = init.run(new InitRequest(repo, project, name, agent, test, lint, coverage, config, jira,
                    !noRun, github, importRepo));
            report(r);
            return r.trials().stream().allMatch(CommandTrial.Trial::ok) ? 0 : 1;
        } finally {
            delete(scratch);
        }
    }

    /** A GitHub project needs a token that reaches the repository (checked as `voxloop doctor` does). */
    private void checkGitHub(GitHubSettings s) {
        if (!s.configured()) {
            throw new IllegalArgumentException("--github needs a GitHub token: export GITHUB_TOKEN=... (classic with"
                    + " the repo scope, or fine-grained with issues, contents and pull requests); init never writes it"
                    + " to voxloop.yaml");
        }
        GitHubDoctor.Finding f = s.appId() != null ? GitHubDoctor.checkInstallation(s.api(), github)
                : GitHubDoctor.check(s.api(), github);
        out.println("github: " + (f.ok() ? "" : "problem: ") + f.detail());
        if (!f.ok()) {
            throw new IllegalArgumentException("GitHub " + github + ": " + f.detail());
        }
    }

    private java.util.List<AgentChoice.Candidate> agents(ConfigTree tree) {
        Path data = context.config().dataDir();
        LoopSettings loop = LoopSettings.from(tree, data);
        var sandbox = AgentSandbox.from(tree, data, e -> { }, Clock.systemUTC());
        return new AgentChoice(System.getenv(), Guards.agentHooks(loop, sandbox), sandbox, loop.claudeCommand())
                .candidates();
    }

    private void report(InitResult r) {
        out.println();
        out.println(r.changed().isEmpty() ? r.config() + ": unchanged"
                : r.config() + ": " + r.changed().size() + " change(s)");
        r.changed().forEach(c -> out.println("  " + c));
        if (r.repoFile() != null) {
            out.println(r.repoFile());
        }
        r.trials().stream().filter(t -> !t.ok()).forEach(t -> out.println("warning: the " + t.role() + " command"
                + " failed; the loop's " + t.role() + " gate fails until it passes on the default branch"));
        out.println();
        out.println("Project " + r.project() + " works on " + r.repository() + " with the " + r.agent() + " agent.");
        out.println("Next: ./voxloop serve   (its worker takes " + r.project() + " tickets; restart a running server)");
        out.println("      ./voxloop say \"...\"   or open the console and speak");
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
