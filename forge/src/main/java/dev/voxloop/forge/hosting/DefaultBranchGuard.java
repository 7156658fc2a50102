package dev.voxloop.forge.hosting;

import java.util.Collection;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Refuses every push that creates, moves or deletes a hosted repository's default branch: it changes only through
 * a pull request merged by the forge (which writes the repository directly, not through a push). Other branches
 * take fast-forward pushes and deletions.
 */
final class DefaultBranchGuard implements PreReceiveHook {

    private final String repository;
    private final Function<String, String> defaultBranchOf;

    DefaultBranchGuard(String repository, Function<String, String> defaultBranchOf) {
        this.repository = repository;
        this.defaultBranchOf = defaultBranchOf;
    }

    @Override
    public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
        String protectedRef = Constants.R_HEADS + defaultBranchOf.apply(repository);
        for (ReceiveCommand c : commands) {
            if (c.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            if (c.getRefName().equals(protectedRef)) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "the default branch accepts changes only"
                        + " through a pull request merged by voxloop");
            } else if (!c.getRefName().startsWith(Constants.R_HEADS) && !c.getRefName().startsWith(Constants.R_TAGS)) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "only branches and tags can be pushed");
            }
        }
    }
}
