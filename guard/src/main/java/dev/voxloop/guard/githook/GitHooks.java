package dev.voxloop.guard.githook;

import dev.voxloop.core.loop.GitConventions;
import dev.voxloop.guard.GitQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code voxloop githook commit-msg FILE} and {@code voxloop githook pre-push REMOTE URL} (ref lines on stdin).
 * pre-push refuses pushes to a default branch, deleting one, non-fast-forward (force) updates and branch names
 * that break the convention. Results are exit code 0 (ok) or 1 with the reasons.
 */
public final class GitHooks {

    private static final String ZERO = "0000000000000000000000000000000000000000";

    /** Result of a git hook: exit code and what to print on stderr. */
    public record Result(int exit, String message) {
    }

    private final Set<String> defaultBranches;

    public GitHooks(Set<String> defaultBranches) {
        this.defaultBranches = Set.copyOf(defaultBranches);
    }

    public Result commitMsg(Path messageFile) {
        try {
            return GitConventions.commitMessage(Files.readString(messageFile))
                    .map(why -> new Result(1, "voxloop commit-msg: " + why + "\n"))
                    .orElse(new Result(0, ""));
        } catch (IOException e) {
            return new Result(1, "voxloop commit-msg: cannot read " + messageFile + ": " + e.getMessage() + "\n");
        }
    }

    /** {@code refLines}: git's stdin for pre-push, "local-ref local-sha remote-ref remote-sha" per line. */
    public Result prePush(Path repo, String refLines) {
        List<String> problems = new ArrayList<>();
        GitQuery git = new GitQuery(repo);
        for (String line : refLines.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            String localSha = f[1];
            String remoteRef = f[2];
            String remoteSha = f[3];
            if (!remoteRef.startsWith("refs/heads/")) {
                continue;
            }
            String branch = remoteRef.substring("refs/heads/".length());
            if (defaultBranches.contains(branch)) {
                problems.add(localSha.equals(ZERO) ? "deleting the default branch '" + branch + "' is not allowed"
                        : "pushing to the default branch '" + branch + "' is not allowed; push a task branch");
                continue;
            }
            if (localSha.equals(ZERO)) {
                continue;
            }
            GitConventions.branchName(branch).ifPresent(problems::add);
            if (!remoteSha.equals(ZERO)) {
                // a remote commit we do not have cannot be proven an ancestor: refused like a force push
                boolean ff = git.hasCommit(remoteSha) && git.isAncestor(remoteSha, localSha);
                if (!ff) {
                    problems.add("the push to '" + branch + "' is not a fast-forward (force push); add commits on top"
                            + " instead");
                }
            }
        }
        return problems.isEmpty() ? new Result(0, "")
                : new Result(1, "voxloop pre-push: " + String.join("\nvoxloop pre-push: ", problems) + "\n");
    }
}
