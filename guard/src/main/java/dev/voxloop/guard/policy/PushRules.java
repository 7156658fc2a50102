package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code git push}: nothing may reach a default branch, whatever the spelling (a bare push from the default branch,
 * {@code HEAD:main}, {@code refs/heads/main}, {@code +main}, {@code :main}, {@code --all}, a wildcard refspec), and
 * no force push ({@code -f}, {@code --force-with-lease}, {@code +refspec}).
 */
final class PushRules {

    /** Push options that take the next argument as their value. */
    private static final Set<String> PUSH_WITH_VALUE = Set.of("--repo", "--push-option", "--receive-pack", "--exec",
            "-o");

    private PushRules() {
    }

    static Optional<Decision> push(List<String> rest, PolicyContext ctx) {
        String remote = null;
        List<String> refspecs = new ArrayList<>();
        boolean delete = false;
        for (int k = 0; k < rest.size(); k++) {
            String a = rest.get(k);
            if (a.equals("--")) {
                continue;
            }
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                switch (name) {
                    case "--force", "--force-with-lease", "--force-if-includes" -> {
                        return Optional.of(force(a));
                    }
                    case "--mirror", "--all", "--branches", "--prune" -> {
                        return Optional.of(Decision.deny("push-default-branch", "git push " + name + " pushes every"
                                + " branch, including the default branch; push only your task branch"));
                    }
                    case "--delete" -> delete = true;
                    default -> {
                        if (PUSH_WITH_VALUE.contains(name) && !a.contains("=")) {
                            if (name.equals("--repo") && k + 1 < rest.size()) {
                                remote = rest.get(k + 1);
                            }
                            k++;
                        }
                    }
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                // a cluster of short options (-fu, -do origin): f forces, d deletes, o takes a value, which is
                // the rest of the cluster or, when o comes last, the next argument
                String flags = a.substring(1);
                for (int c = 0; c < flags.length(); c++) {
                    char ch = flags.charAt(c);
                    if (ch == 'f') {
                        return Optional.of(force(a));
                    }
                    if (ch == 'd') {
                        delete = true;
                    }
                    if (ch == 'o') {
                        if (c == flags.length() - 1) {
                            k++;
                        }
                        break;
                    }
                }
            } else if (remote == null) {
                remote = a;
            } else {
                refspecs.add(a);
            }
        }
        // no refspec: git pushes the current branch (push.default simple/current), so that is what is judged
        if (refspecs.isEmpty()) {
            String current = ctx.currentBranch().get();
            if (current != null && ctx.defaultBranches().contains(current)) {
                return Optional.of(defaultBranch(current));
            }
            return Optional.empty();
        }
        for (String r : refspecs) {
            if (r.startsWith("+")) {
                return Optional.of(force(r));
            }
            // src:dst; a bare name pushes to the same name; ":dst" (empty src) deletes dst
            int colon = r.indexOf(':');
            String src = colon < 0 ? r : r.substring(0, colon);
            String dst = colon < 0 ? r : r.substring(colon + 1);
            if (dst.isEmpty()) {
                dst = src;
            }
            if (dst.contains("*")) {
                return Optional.of(Decision.deny("push-default-branch", "a wildcard refspec (" + r + ") can update the"
                        + " default branch; push only your task branch"));
            }
            String target = branchName(dst);
            if (target.equals("HEAD") || target.equals("@")) {
                target = ctx.currentBranch().get();
            }
            if (target != null && ctx.defaultBranches().contains(target)) {
                return Optional.of(delete || (colon == 0)
                        ? Decision.deny("push-default-branch", "deleting the default branch '" + target
                        + "' is not allowed")
                        : defaultBranch(target));
            }
        }
        return Optional.empty();
    }

    /** The branch a ref names: {@code refs/heads/main}, {@code heads/main}, {@code origin/main} are all main. */
    static String branchName(String ref) {
        String r = ref;
        for (String prefix : List.of("refs/heads/", "heads/", "refs/remotes/origin/", "origin/")) {
            if (r.startsWith(prefix)) {
                return r.substring(prefix.length());
            }
        }
        return r;
    }

    static Decision force(String flag) {
        return Decision.deny("force-push", "force push (" + flag + ") rewrites published history and is not allowed;"
                + " add a new commit instead");
    }

    static Decision defaultBranch(String branch) {
        return Decision.deny("push-default-branch", "pushing to the default branch '" + branch + "' is not allowed;"
                + " push your task branch (git push -u origin HEAD from it) and the orchestrator opens the pull"
                + " request");
    }
}
