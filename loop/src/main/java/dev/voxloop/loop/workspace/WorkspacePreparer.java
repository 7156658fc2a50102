package dev.voxloop.loop.workspace;

import dev.voxloop.core.forge.GitRemoteAccess;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.loop.GitConventions;
import dev.voxloop.core.ticket.Ticket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Prepares a run's workspace: a fresh clone per run (or the run's existing clone when it resumes), the task
 * branch {@code {type}/{KEY}-{slug}} from the default branch (or from the remote task branch when a previous
 * attempt pushed progress), {@code CURRENT_TASK.md} kept out of commits, and optionally our git hooks.
 */
public final class WorkspacePreparer {

    private final Path root;
    private final String voxloopCommand;
    private final boolean installHooks;

    public WorkspacePreparer(Path root, String voxloopCommand, boolean installHooks) {
        this.root = root;
        this.voxloopCommand = voxloopCommand;
        this.installHooks = installHooks;
    }

    public static String branchFor(Ticket t) {
        String type = (t.issueType() == null ? IssueType.TASK : t.issueType()).branchType();
        return GitConventions.branchFor(type, t.key(), t.summary());
    }

    /**
     * @param existing the workspace path a resumed run recorded, or null
     * @param branch   the branch a resumed run recorded, or null for a new run
     */
    public Workspace prepare(String runId, Ticket ticket, String repo, String defaultBranch, String existing,
                             String branch, String baseCommit) {
        return prepare(runId, ticket, repo, GitRemoteAccess.NONE, defaultBranch, existing, branch, baseCommit);
    }

    /** {@link #prepare} cloning and looking up the remote branch through {@code access}. */
    public Workspace prepare(String runId, Ticket ticket, String repo, GitRemoteAccess access, String defaultBranch,
                             String existing, String branch, String baseCommit) {
        try {
            String b = branch == null ? branchFor(ticket) : branch;
            Path dir = existing != null ? Path.of(existing) : root.resolve(ticket.key() + "-" + runId);
            Git git = new Git(dir);
            if (!Files.isDirectory(dir.resolve(".git"))) {
                Files.createDirectories(dir.getParent());
                new Git(dir.getParent()).remote(access).run("clone", "-q", "--no-hardlinks", repo, dir.toString());
                boolean remoteBranch = !git.remote(access).run("ls-remote", "--heads", "origin", b).isBlank();
                git.run("checkout", "-q", "-B", b, remoteBranch ? "origin/" + b : "origin/" + defaultBranch);
            }
            String base = baseCommit != null ? baseCommit : git.run("rev-parse", "origin/" + defaultBranch);
            exclude(git, TaskFile.NAME);
            Path task = dir.resolve(TaskFile.NAME);
            if (!Files.exists(task)) {
                Files.writeString(task, TaskFile.render(ticket, b, defaultBranch, ticket.acceptanceCriteria()));
            }
            if (installHooks && voxloopCommand != null && !voxloopCommand.isBlank()) {
                installHooks(git);
            }
            return new Workspace(dir, b, defaultBranch, base, access);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workspace for " + ticket.key(), e);
        }
    }

    private static void exclude(Git git, String name) throws IOException {
        Path ex = git.gitDir().resolve("info").resolve("exclude");
        Files.createDirectories(ex.getParent());
        String cur = Files.exists(ex) ? Files.readString(ex) : "";
        if (!cur.lines().anyMatch(l -> l.strip().equals("/" + name))) {
            Files.writeString(ex, (cur.isEmpty() || cur.endsWith("\n") ? "" : "\n") + "/" + name + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private void installHooks(Git git) throws IOException {
        Path hooks = git.gitDir().resolve("hooks");
        Files.createDirectories(hooks);
        for (String h : Set.of("commit-msg", "pre-push")) {
            Path f = hooks.resolve(h);
            Files.writeString(f, "#!/bin/sh\n# installed by voxloop for this run\nexec " + voxloopCommand
                    + " githook " + h + " \"$@\"\n");
            f.toFile().setExecutable(true);
        }
    }
}
