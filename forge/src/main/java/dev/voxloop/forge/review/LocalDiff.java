package dev.voxloop.forge.review;

import dev.voxloop.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** The unified diff between two commits of a local repository, as {@code git diff base head} prints it. */
public final class LocalDiff {

    private LocalDiff() {
    }

    /**
     * @param base a ref or commit (branch, tag, SHA, {@code HEAD~1})
     * @return the diff text and the head's full SHA
     */
    public static Result between(Path repository, String base, String head) {
        try (Git git = Git.open(repository.toFile()); Repository repo = git.getRepository();
             RevWalk walk = new RevWalk(repo); ByteArrayOutputStream out = new ByteArrayOutputStream();
             DiffFormatter diff = new DiffFormatter(out)) {
            ObjectId b = resolve(repo, base);
            ObjectId h = resolve(repo, head);
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            diff.format(walk.parseCommit(b).getTree(), walk.parseCommit(h).getTree());
            diff.flush();
            return new Result(out.toString(StandardCharsets.UTF_8), h.name());
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new Problem(Problem.Kind.NOT_FOUND, repository + " is not a git repository");
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UPSTREAM, "git could not diff " + base + ".." + head + " in " + repository
                    + ": " + e.getMessage());
        }
    }

    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        ObjectId id = repo.resolve(ref + "^{commit}");
        if (id == null) {
            throw new Problem(Problem.Kind.NOT_FOUND, "no commit '" + ref + "' in " + repo.getWorkTree());
        }
        return id;
    }

    public record Result(String diff, String headSha) {
    }
}
