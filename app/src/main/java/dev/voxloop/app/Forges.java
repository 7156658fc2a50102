package dev.voxloop.app;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.forge.ci.CheckProcess;
import dev.voxloop.forge.ci.CiCommand;
import dev.voxloop.forge.ci.CiRunner;
import dev.voxloop.forge.hosting.BareRepositories;
import dev.voxloop.forge.hosting.GitHttp;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.server.http.forge.ForgeParts;
import dev.voxloop.store.Database;
import dev.voxloop.store.forge.JdbiForgeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The built-in forge wired: hosted repositories in the data directory, pull requests in the database, CI on a
 * small pool, git over HTTP for the server. A loop project whose {@code repo} is the name of a hosted repository
 * (or the path of one) goes on past PUSHED on this forge.
 */
public final class Forges implements AutoCloseable {

    private final ForgeSettings settings;
    private final BareRepositories repos;
    private final JdbiForgeStore store;
    private final BuiltinForge forge;
    private final CiRunner ci;
    private final ThreadPoolExecutor executor;

    public Forges(ForgeSettings settings, Database database, Supplier<String> publicUrl,
                  Supplier<LoopSettings> loopSettings, RunSandbox sandbox, Clock clock) {
        this.settings = settings;
        this.repos = new BareRepositories(settings.repositories());
        this.store = new JdbiForgeStore(database.jdbi());
        this.forge = new BuiltinForge(store, repos, publicUrl, clock);
        this.executor = new ThreadPoolExecutor(settings.ciWorkers(), settings.ciWorkers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "voxloop-ci");
                    t.setDaemon(true);
                    return t;
                });
        this.ci = new CiRunner(store, repos, name -> projectCommands(loopSettings.get(), name),
                new CheckProcess(sandbox.sandbox(), sandbox.limits(), settings.ciScratch()), settings.ciTimeout(),
                executor, clock);
        forge.checkWith(ci);
    }

    public BuiltinForge forge() {
        return forge;
    }

    public ForgeSettings settings() {
        return settings;
    }

    /** Re-runs checks a stopped process left unfinished. */
    public void recover() {
        for (HostedRepository r : store.repositories()) {
            ci.recover(r.name());
        }
    }

    public ForgeParts serverParts() {
        return new ForgeParts(forge, store, forge, GitHttp.servlet(repos,
                name -> store.repository(name).isPresent(),
                name -> store.repository(name).map(HostedRepository::defaultBranch).orElse("main"), forge::pushed));
    }

    /** The loop project's repository as a path git can clone (a hosted name becomes its bare repository). */
    public String cloneSource(String repo) {
        return hostedName(repo).map(n -> repos.path(n).toString()).orElse(repo);
    }

    /** Where a project's runs go past PUSHED: the built-in forge when its repo is hosted here. */
    public Optional<ForgeTarget> target(ProjectConfig project) {
        return hostedName(project.repo()).map(this::target);
    }

    /** The built-in forge's hosted repository {@code name} as a loop target. */
    public ForgeTarget target(String name) {
        return new ForgeTarget(forge, name, repos.path(name).toString(), settings.mergeMethod(),
                settings.maxHealRounds());
    }

    /** Imports a repository under the first free name {@code base}, {@code base-2}, ... and targets it. */
    public ForgeTarget host(Path source, String base) {
        String name = base;
        for (int i = 2; store.repository(name).isPresent() || repos.exists(name); i++) {
            name = base + "-" + i;
        }
        forge.importRepository(source.toString(), name);
        return target(name);
    }

    /** The hosted repository a project's {@code repo} names (by name or by its path here), if any. */
    Optional<String> hostedName(String repo) {
        if (repo == null) {
            return Optional.empty();
        }
        if (repo.matches(HostedRepository.NAME_PATTERN) && !Files.exists(Path.of(repo))
                && store.repository(repo).isPresent()) {
            return Optional.of(repo);
        }
        for (HostedRepository r : store.repositories()) {
            if (Path.of(repo).toAbsolutePath().normalize().equals(repos.path(r.name()).toAbsolutePath().normalize())) {
                return Optional.of(r.name());
            }
        }
        return Optional.empty();
    }

    /** CI's fallback for a repository without .voxloop/ci.yaml: the test, lint and coverage of its projects. */
    private List<CiCommand> projectCommands(LoopSettings loop, String repository) {
        List<CiCommand> out = new ArrayList<>();
        for (ProjectConfig p : loop.projects().values()) {
            if (hostedName(p.repo()).filter(repository::equals).isPresent()) {
                add(out, "test", p.test());
                add(out, "lint", p.lint());
                add(out, "coverage", p.coverage());
                break;
            }
        }
        return out;
    }

    private void add(List<CiCommand> out, String name, String command) {
        if (command != null && !command.isBlank()) {
            out.add(new CiCommand(name, command, settings.ciTimeout()));
        }
    }

    /** True when the hosted repository's bare repository is on disk. */
    boolean present(String name) {
        return repos.exists(name);
    }

    /** Where the hosted repository's bare repository lives. */
    Path path(String name) {
        return repos.path(name);
    }

    /**
     * Stops the CI without interrupting it (a check records its log and result in the database, where an interrupt
     * closes the embedded database for everyone): queued checks are dropped, running ones are waited for a few
     * seconds and otherwise end with the process (the sandbox dies with it). Either way the next start's
     * {@link #recover()} cancels and re-runs what was left unfinished.
     */
    @Override
    public void close() {
        executor.getQueue().clear();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
