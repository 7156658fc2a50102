package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.PullRequestCommit;
import dev.voxloop.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/** What the forge reads from a bare repository: branch tips, merge bases, a pull request's commits and files. */
public final class GitReads {

    private GitReads() {
    }

    /** The branch's commit, or null when the branch does not exist. */
    static String tip(Repository repo, String branch) {
        try {
            ObjectId id = repo.resolve(Constants.R_HEADS + branch);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw Problem.unavailable("cannot read branch " + branch + ": " + e.getMessage());
        }
    }

    static RevCommit mergeBase(Repository repo, RevWalk walk, ObjectId a, ObjectId b) throws IOException {
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(walk.parseCommit(a));
        walk.markStart(walk.parseCommit(b));
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        return base;
    }

    static boolean isAncestor(Repository repo, String ancestor, String of) {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
                    walk.parseCommit(ObjectId.fromString(of)));
        } catch (IOException e) {
            throw Problem.unavailable("cannot compare commits: " + e.getMessage());
        }
    }

    /** Commits reachable from {@code head} and not from {@code base}, oldest first. */
    static List<PullRequestCommit> commits(Repository repo, String base, String head) {
        List<PullRequestCommit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            if (base != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(base)));
            }
            for (RevCommit c : walk) {
                out.add(new PullRequestCommit(c.name(), c.getFullMessage().strip(), c.getAuthorIdent().getName(),
                        c.getAuthorIdent().getWhenAsInstant()));
            }
        } catch (IOException e) {
            throw Problem.unavailable("cannot list commits: " + e.getMessage());
        }
        return out.reversed();
    }

    /** The files {@code head} changes against its merge base with {@code base}, with unified-diff hunks. */
    static List<FileChange> files(Repository repo, String base, String head) {
        List<FileChange> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit h = walk.parseCommit(ObjectId.fromString(head));
            RevCommit from = base == null ? null : mergeBase(repo, walk, ObjectId.fromString(base), h);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (DiffFormatter fmt = new DiffFormatter(buf)) {
                fmt.setRepository(repo);
                fmt.setDiffComparator(RawTextComparator.DEFAULT);
                fmt.setDetectRenames(true);
                List<DiffEntry> entries = fmt.scan(from == null ? null : walk.parseTree(from.getTree()),
                        walk.parseTree(h.getTree()));
                for (DiffEntry e : entries) {
                    buf.reset();
                    fmt.format(e);
                    int add = 0;
                    int del = 0;
                    for (Edit edit : fmt.toFileHeader(e).toEditList()) {
                        add += edit.getLengthB();
                        del += edit.getLengthA();
                    }
                    out.add(new FileChange(e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath()
                            : e.getNewPath(), e.getChangeType() == DiffEntry.ChangeType.RENAME
                            || e.getChangeType() == DiffEntry.ChangeType.COPY ? e.getOldPath() : null, status(e),
                            add, del, hunks(buf.toString(StandardCharsets.UTF_8))));
                }
            }
        } catch (IOException e) {
            throw Problem.unavailable("cannot compute the diff: " + e.getMessage());
        }
        return out;
    }

    /** A file's content at a commit, or null when it has no such file. */
    public static String read(Repository repo, String commit, String path) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw Problem.unavailable("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Paths under {@code dir} (one level) at a commit. */
    public static List<String> list(Repository repo, String commit, String dir) {
        List<String> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tw = TreeWalk.forPath(repo, dir, c.getTree())) {
                if (tw == null || !tw.isSubtree()) {
                    return out;
                }
                try (TreeWalk inner = new TreeWalk(repo)) {
                    inner.addTree(tw.getObjectId(0));
                    while (inner.next()) {
                        out.add(dir + "/" + inner.getPathString());
                    }
                }
            }
        } catch (IOException e) {
            throw Problem.unavailable("cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }

    private static FileChange.Status status(DiffEntry e) {
        return switch (e.getChangeType()) {
            case ADD -> FileChange.Status.ADDED;
            case DELETE -> FileChange.Status.REMOVED;
            case RENAME -> FileChange.Status.RENAMED;
            case COPY -> FileChange.Status.COPIED;
            case MODIFY -> FileChange.Status.MODIFIED;
        };
    }

    /** The hunks of one file's diff: everything from the first {@code @@} on (headers are in the other fields). */
    private static String hunks(String fileDiff) {
        int at = fileDiff.indexOf("\n@@");
        return at < 0 ? "" : fileDiff.substring(at + 1);
    }
}
