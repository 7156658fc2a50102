package dev.voxloop.forge;

import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.testing.DirectSandbox;
import dev.voxloop.forge.ci.CheckProcess;
import dev.voxloop.forge.ci.CiCommand;
import dev.voxloop.forge.ci.CiRunner;
import dev.voxloop.forge.hosting.BareRepositories;
import dev.voxloop.forge.hosting.GitHttp;
import io.javalin.Javalin;
import jakarta.servlet.http.HttpServlet;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.forge.JdbiForgeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * A built-in forge on a real H2 database (the store's migrations) and real bare repositories in a temp folder,
 * served over smart HTTP on an ephemeral port, with the built-in CI (its checks as plain child processes: the
 * sandbox itself is tested in guard and, with the app's bubblewrap default, in the app's forge tests); plus working
 * clones to make commits with stock git, pushed over HTTP so the forge hears of each push as in {@code voxloop
 * serve}.
 */
public final class ForgeFixture implements AutoCloseable {

    public final Path dir;
    public final Database database;
    public final JdbiForgeStore store;
    public final BareRepositories repos;
    public final BuiltinForge forge;
    public final CiRunner ci;
    public final List<CiCommand> projectCommands = new ArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Javalin http;

    public ForgeFixture(Path dir) {
        this.dir = dir;
        this.database = Database.open(StoreSettings.embedded(dir.resolve("db")));
        this.store = new JdbiForgeStore(database.jdbi());
        this.repos = new BareRepositories(dir.resolve("repos"));
        this.forge = new BuiltinForge(store, repos, () -> "http://forge.test", Clock.systemUTC());
        this.ci = new CiRunner(store, repos, r -> projectCommands, new CheckProcess(new DirectSandbox(),
                SandboxLimits.DEFAULTS, dir.resolve("ci")), Duration.ofSeconds(30), executor, Clock.systemUTC());
        forge.checkWith(ci);
        HttpServlet git = GitHttp.servlet(repos, name -> store.repository(name).isPresent(),
                name -> store.repository(name).map(HostedRepository::defaultBranch).orElse("main"), forge::pushed);
        this.http = Javalin.create(cfg -> cfg.jetty.modifyServletContextHandler(h -> h.addServlet(
                new ServletHolder("git", git), "/git/*"))).start("127.0.0.1", 0);
    }

    /** The smart-HTTP URL stock git clones, fetches and pushes a hosted repository at. */
    public String url(String name) {
        return "http://127.0.0.1:" + http.port() + "/git/" + name + ".git";
    }

    /** A hosted repository {@code name} imported from a fresh local repository with {@code files} on main. */
    public Path hosted(String name, Map<String, String> files) {
        Path src = dir.resolve("src-" + name);
        try {
            Files.createDirectories(src);
            git(src, "init", "-q", "-b", "main");
            write(src, files);
            git(src, "add", "-A");
            git(src, "commit", "-q", "-m", "initial");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String branch = repos.importFrom(src.toString(), name);
        store.addRepository(new HostedRepository(name, branch, src.toString(), Instant.now()));
        return clone(name);
    }

    public Path clone(String name) {
        Path work = dir.resolve("work-" + name + "-" + UUID.randomUUID().toString().substring(0, 6));
        git(dir, "clone", "-q", url(name), work.toString());
        return work;
    }

    public static void write(Path work, Map<String, String> files) {
        try {
            for (var e : files.entrySet()) {
                Path f = work.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Commits {@code files} on {@code branch} (created from HEAD if new) and pushes it; returns the commit. */
    public static String push(Path work, String branch, String message, Map<String, String> files) {
        if (!git(work, "rev-parse", "--abbrev-ref", "HEAD").equals(branch)) {
            git(work, "checkout", "-q", "-B", branch);
        }
        write(work, files);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", message);
        git(work, "push", "-q", "origin", "HEAD:refs/heads/" + branch);
        return git(work, "rev-parse", "HEAD");
    }

    public static String git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop();
        executor.shutdownNow();
        database.close();
    }
}
