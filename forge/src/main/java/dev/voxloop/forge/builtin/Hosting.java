package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.ForgeRepository;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.hosting.BareRepositories;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Repository;

/**
 * The built-in forge's repositories: a row in the forge store per hosted repository, its git objects in a bare
 * repository, its clone URL under the public URL (or the bare repository's path when there is none).
 */
final class Hosting {

    private final ForgeStore store;
    private final BareRepositories repos;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    Hosting(ForgeStore store, BareRepositories repos, Supplier<String> publicUrl, Clock clock) {
        this.store = store;
        this.repos = repos;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    ForgeRepository repository(String name) {
        HostedRepository r = hosted(name);
        String base = publicUrl.get();
        return new ForgeRepository(r.name(), r.defaultBranch(), base == null ? repos.path(name).toString()
                : base + "/git/" + name + ".git", base == null ? null : base + "/#/repos/" + name);
    }

    /** Copies {@code source} into a new bare repository named {@code name} (or after the source) and records it. */
    HostedRepository importRepository(String source, String name) {
        if (source == null || source.isBlank()) {
            throw Problem.invalid("source", "say which repository to import: a path or a URL");
        }
        String n = name != null && !name.isBlank() ? name
                : source.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\:]", "").replaceAll("\\.git$", "");
        HostedRepository probe;
        try {
            probe = new HostedRepository(n, "main", null, clock.instant());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("name", e.getMessage());
        }
        if (store.repository(n).isPresent()) {
            throw Problem.conflict("a repository named " + n + " is already hosted");
        }
        String branch = repos.importFrom(source, probe.name());
        HostedRepository r = new HostedRepository(n, branch, BareRepositories.withoutCredentials(source),
                clock.instant());
        try {
            store.addRepository(r);
        } catch (RuntimeException e) {
            BareRepositories.deleteQuietly(repos.path(n));
            throw e;
        }
        return r;
    }

    List<HostedRepository> repositories() {
        return store.repositories();
    }

    /** The hosted repository, or a not-found problem naming it. */
    HostedRepository hosted(String name) {
        return store.repository(name).orElseThrow(() -> Problem.notFound("no hosted repository named " + name));
    }

    /** Deletes a branch (a missing one is already deleted); the default branch is refused. */
    void deleteBranch(String repository, String branch) {
        HostedRepository r = hosted(repository);
        if (r.defaultBranch().equals(branch)) {
            throw Problem.conflict("the default branch " + branch + " cannot be deleted");
        }
        try (Repository repo = repos.open(repository)) {
            var ref = repo.exactRef("refs/heads/" + branch);
            if (ref == null) {
                return;
            }
            var u = repo.updateRef(ref.getName());
            u.setForceUpdate(true);
            u.delete();
        } catch (IOException e) {
            throw Problem.unavailable("cannot delete branch " + branch + ": " + e.getMessage());
        }
    }
}
