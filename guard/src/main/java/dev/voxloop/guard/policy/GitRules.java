package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * git and gh: no {@code --no-verify} or {@code commit -n}, no hook-path changes, no merging (the orchestrator
 * merges, after review), no moving or deleting a default branch, no git command that rewrites protected files;
 * pushes are {@link PushRules}. gh: no merging pull requests, no changing the repository itself.
 */
final class GitRules {

    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-C", "--git-dir", "--work-tree", "--namespace",
            "--exec-path", "--super-prefix", "--config-env");

    private GitRules() {
    }

    static Optional<Decision> git(List<String> args, PolicyContext ctx) {
        // skip git's own options (-C DIR, -c key=value, --git-dir=...) to find the subcommand; a -c that sets
        // core.hooksPath is refused on the spot
        int k = 0;
        while (k < args.size() && args.get(k).startsWith("-")) {
            String a = args.get(k);
            if (a.equals("-c") && k + 1 < args.size()) {
                if (touchesHooksPath(args.get(k + 1))) {
                    return Optional.of(hooksPath());
                }
                if (GitConfigRules.indirect(args.get(k + 1))) {
                    return Optional.of(GitConfigRules.indirection("-c " + args.get(k + 1)));
                }
                k += 2;
            } else if (a.startsWith("-c") && touchesHooksPath(a.substring(2))) {
                return Optional.of(hooksPath());
            } else if (a.startsWith("-c") && GitConfigRules.indirect(a.substring(2))) {
                return Optional.of(GitConfigRules.indirection(a));
            } else if (GLOBAL_WITH_VALUE.contains(a)) {
                k += 2;
            } else {
                k++;
            }
        }
        if (k >= args.size()) {
            return Optional.empty();
        }
        String sub = args.get(k);
        List<String> rest = args.subList(k + 1, args.size());
        if (rest.contains("--no-verify") || rest.stream().anyMatch(r -> r.startsWith("--no-verify="))) {
            return Optional.of(Decision.deny("no-verify", "--no-verify skips the repository's git hooks; commit and"
                    + " push without it and fix what the hook reports"));
        }
        for (String r : rest) {
            if (touchesHooksPath(r)) {
                return Optional.of(hooksPath());
            }
        }
        return switch (sub) {
            case "push" -> PushRules.push(rest, ctx);
            case "commit" -> commit(rest);
            case "merge" -> rest.contains("--abort") || rest.contains("--quit") ? Optional.empty()
                    : Optional.of(merge("git merge"));
            case "pull" -> rest.contains("--ff-only") || rest.contains("--rebase") || rest.contains("-r")
                    ? Optional.empty()
                    : Optional.of(merge("git pull (which merges)"));
            case "update-ref", "branch" -> movesDefault(sub, rest, ctx);
            case "config" -> GitConfigRules.configWrite(rest);
            case "send-pack", "http-push", "receive-pack" -> Optional.of(Decision.deny("push", "git " + sub
                    + " updates a remote directly; the orchestrator pushes the task branch after the gates pass"));
            case "checkout", "restore", "rm", "mv", "clean" -> pathWrites(sub, rest, ctx);
            default -> Optional.empty();
        };
    }

    private static Optional<Decision> pathWrites(String sub, List<String> rest, PolicyContext ctx) {
        for (String a : rest) {
            if (a.startsWith("-")) {
                continue;
            }
            Optional<String> v = ProtectedPaths.writeViolation(a, ctx);
            if (v.isPresent() && (a.contains("/") || a.startsWith(".") || a.equals("CODEOWNERS"))) {
                return Optional.of(Decision.deny("protected-path", "git " + sub + ": " + v.get()));
            }
        }
        return Optional.empty();
    }

    static Optional<Decision> gh(List<String> args) {
        if (args.size() >= 2 && args.get(0).equals("pr") && args.get(1).equals("merge")) {
            return Optional.of(merge("gh pr merge"));
        }
        if (args.size() >= 2 && args.get(0).equals("repo") && List.of("delete", "archive", "rename", "edit")
                .contains(args.get(1))) {
            return Optional.of(Decision.deny("destructive", "gh repo " + args.get(1) + " changes the repository"
                    + " itself; that is for a person to do"));
        }
        if (!args.isEmpty() && args.get(0).equals("api") && args.stream().anyMatch(a -> a.equalsIgnoreCase("DELETE")
                || a.equalsIgnoreCase("--method=DELETE") || a.equalsIgnoreCase("-XDELETE"))) {
            return Optional.of(Decision.deny("destructive", "gh api DELETE calls are not allowed"));
        }
        if (!args.isEmpty() && args.get(0).equals("api")) {
            boolean mergePath = args.stream().anyMatch(a -> a.matches(".*/pulls/[^/]+/merge.*|.*/merges.*"));
            if (mergePath) {
                return Optional.of(merge("gh api .../merge"));
            }
        }
        return Optional.empty();
    }

    private static boolean touchesHooksPath(String s) {
        return s.toLowerCase(Locale.ROOT).contains("core.hookspath");
    }

    private static Decision hooksPath() {
        return Decision.deny("hooks-path", "changing core.hooksPath disables the repository's git hooks; leave git"
                + " configuration alone");
    }

    private static Decision merge(String what) {
        return Decision.deny("merge", what + " is not allowed: merging is the orchestrator's job after the gates,"
                + " CI and review pass. Rebase with 'git pull --rebase' if you need upstream changes");
    }

    /** {@code git commit -n} (in any short-option cluster) skips the hooks; options after m, F, C, c, S, t take
     * the rest of the cluster as their value, so an n there is not the flag. */
    private static Optional<Decision> commit(List<String> rest) {
        for (String a : rest) {
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'n') {
                        return Optional.of(Decision.deny("no-verify", "git commit -n skips the commit-msg hook;"
                                + " commit without it"));
                    }
                    if ("mFCcSt".indexOf(c) >= 0) {
                        break;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> movesDefault(String sub, List<String> rest, PolicyContext ctx) {
        boolean forcing = sub.equals("update-ref") || rest.stream().anyMatch(a -> a.matches("-[a-zA-Z]*[fDdMm]"
                + "[a-zA-Z]*|--force|--delete|--move"));
        if (!forcing) {
            return Optional.empty();
        }
        for (String a : rest) {
            if (!a.startsWith("-") && ctx.defaultBranches().contains(PushRules.branchName(a))) {
                return Optional.of(Decision.deny("push-default-branch", "git " + sub + " may not move or delete the"
                        + " default branch '" + PushRules.branchName(a) + "'"));
            }
        }
        return Optional.empty();
    }




}
