package dev.voxloop.forge.hosting;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/**
 * Git's smart HTTP protocol for the hosted repositories, by JGit's {@link GitServlet}: {@code /git/<name>.git}
 * answers clone, fetch and push from stock git. Only registered repositories are served; pushes never force and
 * never touch the default branch ({@link DefaultBranchGuard}); after a push {@code onPush} hears of every ref that
 * moved (the forge starts CI for pull requests on those branches). Who may push is the server's business: it puts
 * its token check in front of this servlet.
 */
public final class GitHttp {

    /** One pushed ref: its name and the commit it now points at (all zeros for a deletion). */
    public record PushedRef(String ref, String newSha) {
    }

    /** Hears of pushes. */
    public interface PushListener {
        void pushed(String repository, List<PushedRef> refs);
    }

    private GitHttp() {
    }

    /**
     * @param registered      tells whether a name is a hosted repository
     * @param defaultBranchOf a hosted repository's default branch
     */
    public static HttpServlet servlet(BareRepositories repos, Function<String, Boolean> registered,
                                      Function<String, String> defaultBranchOf, PushListener onPush) {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((req, name) -> {
            String n = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
            if (n.contains("/") || !Boolean.TRUE.equals(registered.apply(n)) || !repos.exists(n)) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name);
            }
            return repos.open(n);
        });
        git.setReceivePackFactory((req, db) -> receivePack(db, defaultBranchOf, onPush));
        GitRequestErrors errors = new GitRequestErrors();
        git.setUploadPackErrorHandler(errors);
        git.setReceivePackErrorHandler(errors);
        return git;
    }

    private static ReceivePack receivePack(Repository db, Function<String, String> defaultBranchOf,
                                           PushListener onPush) throws ServiceNotEnabledException {
        String name = db.getDirectory().getName().replaceFirst("\\.git$", "");
        ReceivePack rp = new ReceivePack(db);
        rp.setAllowNonFastForwards(false);
        rp.setAllowDeletes(true);
        rp.setPreReceiveHook(new DefaultBranchGuard(name, defaultBranchOf));
        rp.setPostReceiveHook((pack, commands) -> onPush.pushed(name, commands.stream()
                .filter(c -> c.getResult() == ReceiveCommand.Result.OK)
                .map(c -> new PushedRef(c.getRefName(), c.getNewId().name())).toList()));
        return rp;
    }
}
