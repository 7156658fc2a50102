package dev.voxloop.forge.hosting;

import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repositories on disk, one per hosted repository: {@code <root>/<name>.git}. Importing clones every
 * branch and tag of a path or URL into a new bare repository whose HEAD is the source's default branch.
 */
public final class BareRepositories {

    private final Path root;

    public BareRepositories(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path path(String name) {
        return root.resolve(name + ".git");
    }

    public boolean exists(String name) {
        return Files.isDirectory(path(name).resolve("objects"));
    }

    /** Opens a repository for reading or writing; the caller closes it. */
    public Repository open(String name) {
        if (!exists(name)) {
            throw Problem.notFound("no hosted repository named " + name);
        }
        try {
            return new FileRepositoryBuilder().setGitDir(path(name).toFile()).setMustExist(true).build();
        } catch (IOException e) {
            throw Problem.unavailable("repository " + name + " cannot be opened: " + e.getMessage());
        }
    }

    /**
     * Clones {@code source} (a local path or a URL) bare under {@code name}; returns its default branch. Refuses a
     * name already on disk and a source that has no commits.
     */
    public String importFrom(String source, String name) {
        Path target = path(name);
        if (Files.exists(target)) {
            throw Problem.conflict("a repository named " + name + " is already hosted");
        }
        try {
            Files.createDirectories(root);
            try (Git git = Git.cloneRepository().setURI(uri(source)).setBare(true).setCloneAllBranches(true)
                    .setDirectory(target.toFile()).call()) {
                Repository repo = git.getRepository();
                String head = repo.getFullBranch();
                if (head == null || repo.resolve(Constants.HEAD) == null) {
                    throw Problem.invalid("source", source + " has no commits to import");
                }
                return Repository.shortenRefName(head);
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            deleteQuietly(target);
            if (e instanceof Problem p) {
                throw p;
            }
            throw new Problem(Problem.Kind.UNPROCESSABLE, "cannot import " + source + ": " + e.getMessage(), "source");
        }
    }

    /** A new empty bare repository whose HEAD points at {@code defaultBranch}. */
    public void create(HostedRepository r) {
        Path target = path(r.name());
        if (Files.exists(target)) {
            throw Problem.conflict("a repository named " + r.name() + " is already hosted");
        }
        try (Git git = Git.init().setBare(true).setGitDir(target.toFile()).setInitialBranch(r.defaultBranch())
                .call()) {
            git.getRepository().getConfig().save();
        } catch (GitAPIException | IOException e) {
            throw Problem.unavailable("cannot create repository " + r.name() + ": " + e.getMessage());
        }
    }

    private static String uri(String source) {
        if (source.contains("://") || source.startsWith("git@")) {
            return source;
        }
        Path p = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw Problem.invalid("source", source + " is neither a directory nor a URL");
        }
        return p.toUri().toString();
    }

    /** The source as it may be stored: a URL's user information (a token) removed. */
    public static String withoutCredentials(String source) {
        if (!source.contains("://")) {
            return Path.of(source).toAbsolutePath().normalize().toString();
        }
        try {
            URI u = URI.create(source);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return source.replaceAll("//[^/@]*@", "//");
        }
    }

    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a half-made clone left behind is harmless: the name stays unregistered and import refuses it loudly
        }
    }
}
