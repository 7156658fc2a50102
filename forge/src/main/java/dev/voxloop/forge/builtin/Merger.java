package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Merges inside the bare repository. The built-in forge requires a branch to be up to date with its base before
 * it merges (so CI has checked exactly what lands): a head that does not contain the base tip is BEHIND, and one
 * whose merge with the base would conflict is CONFLICTING. An up-to-date head lands as one squashed commit
 * (the head's tree on the base tip), as a merge commit, or, for rebase, by moving the base to the head (the head
 * already sits on the base, so rebasing would recreate the same commits). The base moves by compare-and-swap from
 * the tip that was checked, so a concurrent change is never overwritten. Squash and merge commits carry a
 * {@code Pull-Request:} trailer, which is how a retry after a crash finds the merge it already made.
 */
final class Merger {

    static final String TRAILER = "Pull-Request: ";

    private Merger() {
    }

    static Mergeability mergeability(Repository repo, String baseTip, String head) {
        if (GitReads.isAncestor(repo, baseTip, head)) {
            return Mergeability.CLEAN;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            ThreeWayMerger m = MergeStrategy.RECURSIVE.newMerger(repo, true);
            boolean clean = m.merge(walk.parseCommit(ObjectId.fromString(baseTip)),
                    walk.parseCommit(ObjectId.fromString(head)));
            return clean ? Mergeability.BEHIND : Mergeability.CONFLICTING;
        } catch (IOException e) {
            throw Problem.unavailable("cannot test the merge: " + e.getMessage());
        }
    }

    /**
     * Lands {@code head} on {@code base} (which must be at {@code baseTip} and contained in head); returns the new
     * base commit.
     */
    static String land(Repository repo, String base, String baseTip, String head, MergeMethod method, String title,
                       String message, String trailer, PersonIdent who) {
        try (RevWalk walk = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
            RevCommit h = walk.parseCommit(ObjectId.fromString(head));
            ObjectId landed;
            if (method == MergeMethod.REBASE) {
                landed = h;
            } else {
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(h.getTree());
                if (method == MergeMethod.SQUASH) {
                    c.setParentId(ObjectId.fromString(baseTip));
                } else {
                    c.setParentIds(ObjectId.fromString(baseTip), h);
                }
                c.setAuthor(method == MergeMethod.SQUASH ? h.getAuthorIdent() : who);
                c.setCommitter(who);
                c.setMessage(title + "\n\n" + (message == null || message.isBlank() ? "" : message.strip() + "\n\n")
                        + TRAILER + trailer + "\n");
                landed = ins.insert(c);
                ins.flush();
            }
            RefUpdate u = repo.updateRef(Constants.R_HEADS + base);
            u.setExpectedOldObjectId(ObjectId.fromString(baseTip));
            u.setNewObjectId(landed);
            u.setRefLogMessage("voxloop: " + method.name().toLowerCase(java.util.Locale.ROOT) + " " + trailer, false);
            RefUpdate.Result r = u.update(walk);
            if (r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED) {
                throw Problem.conflict("the base branch " + base + " moved while merging (" + r + ")");
            }
            return landed.name();
        } catch (IOException e) {
            throw Problem.unavailable("cannot merge: " + e.getMessage());
        }
    }

    /**
     * The commit on {@code base} that already landed the pull request, or null: a squash or merge commit with its
     * trailer among the last {@code depth} first-parent commits, or the head itself when the base contains it.
     */
    static String findLanded(Repository repo, String baseTip, String head, String trailer, int depth) {
        if (head != null && GitReads.isAncestor(repo, head, baseTip)) {
            String viaTrailer = scan(repo, baseTip, trailer, depth);
            return viaTrailer != null ? viaTrailer : baseTip;
        }
        return scan(repo, baseTip, trailer, depth);
    }

    private static String scan(Repository repo, String baseTip, String trailer, int depth) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(baseTip));
            for (int i = 0; i < depth && c != null; i++) {
                if (c.getFullMessage().contains("\n" + TRAILER + trailer + "\n")) {
                    return c.name();
                }
                c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            }
            return null;
        } catch (IOException e) {
            throw Problem.unavailable("cannot read the base branch: " + e.getMessage());
        }
    }
}
