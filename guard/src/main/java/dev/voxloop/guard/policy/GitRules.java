package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * git and gh: no push to a default branch in any refspec form, no force push, no {@code --no-verify}, no
 * hook-path changes, no merging (the orchestrator merges, after review).
 */
final class GitRules {

    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-C", "--git-dir", "--work-tree", "--namespace",
            "--exec-path", "--super-prefix", "--config-env");
    private static final Set<String> PUSH_WITH_VALUE = Set.of("--repo", "--push-option", "--receive-pack", "--exec",
            "-o");

    private GitRules() {
    }

    static Optional<Decision> git(List<String> args, PolicyContext ctx) {
        int k = 0;
        while (k < args.size() && args.get(k).startsWith("-")) {
            String a = args.get(k);
            if (a.equals("-c") && k + 1 < args.size()) {
                if (touchesHooksPath(args.get(k + 1))) {
                    return Optional.of(hooksPath());
                }
                k += 2;
            } else if (a.startsWith("-c") && touchesHooksPath(a.substring(2))) {
                return Optional.of(hooksPath());
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
            case "push" -> push(rest, ctx);
            case "commit" -> commit(rest);
            case "merge" -> rest.contains("--abort") || rest.contains("--quit") ? Optional.empty()
                    : Optional.of(merge("git merge"));
            case "pull" -> rest.contains("--ff-only") || rest.contains("--rebase") || rest.contains("-r")
                    ? Optional.empty()
                    : Optional.of(merge("git pull (which merges)"));
            case "update-ref", "branch" -> movesDefault(sub, rest, ctx);
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
            if (!a.startsWith("-") && ctx.defaultBranches().contains(branchName(a))) {
                return Optional.of(Decision.deny("push-default-branch", "git " + sub + " may not move or delete the"
                        + " default branch '" + branchName(a) + "'"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> push(List<String> rest, PolicyContext ctx) {
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

    static String branchName(String ref) {
        String r = ref;
        for (String prefix : List.of("refs/heads/", "heads/", "refs/remotes/origin/", "origin/")) {
            if (r.startsWith(prefix)) {
                return r.substring(prefix.length());
            }
        }
        return r;
    }

    private static Decision force(String flag) {
        return Decision.deny("force-push", "force push (" + flag + ") rewrites published history and is not allowed;"
                + " add a new commit instead");
    }

    private static Decision defaultBranch(String branch) {
        return Decision.deny("push-default-branch", "pushing to the default branch '" + branch + "' is not allowed;"
                + " push your task branch (git push -u origin HEAD from it) and the orchestrator opens the pull"
                + " request");
    }
}
