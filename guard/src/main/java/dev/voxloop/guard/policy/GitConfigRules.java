package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Settings that make git run other commands or connect elsewhere (aliases such as {@code '!git push ...'},
 * includes, remotes, URL rewrites, credential helpers) are the orchestrator's: setting them with {@code git config}
 * or {@code git -c} is refused with the reason; reading them, and ordinary settings, are fine.
 */
final class GitConfigRules {

    private GitConfigRules() {
    }

    /** Configuration that makes git run other commands or talk to other places: aliases, includes, remotes. */
    private static final List<String> INDIRECT = List.of("alias.", "include.", "includeif.", "remote.", "url.",
            "credential.", "core.sshcommand", "core.fsmonitor", "core.editor", "core.pager", "protocol.");
    private static final Set<String> CONFIG_READS = Set.of("--get", "--get-all", "--get-regexp", "--get-urlmatch",
            "-l", "--list", "--show-origin", "--show-scope", "--name-only", "--null", "-z", "--type", "--default",
            "--includes", "--no-includes");

    static boolean indirect(String setting) {
        String key = setting.toLowerCase(Locale.ROOT);
        return INDIRECT.stream().anyMatch(key::startsWith);
    }

    static Decision indirection(String what) {
        return Decision.deny("git-config", "'" + what + "' changes which commands git runs or where it connects;"
                + " git's configuration belongs to the orchestrator");
    }

    /** {@code git config} that sets, adds or unsets an alias, include, remote or other indirect setting. */
    static Optional<Decision> configWrite(List<String> rest) {
        List<String> plain = new ArrayList<>();
        boolean editing = false;
        for (String a : rest) {
            if (a.equals("-e") || a.equals("--edit")) {
                return Optional.of(indirection("git config " + a));
            }
            if (a.startsWith("-")) {
                editing |= !CONFIG_READS.contains(a) && !a.startsWith("--type=");
            } else {
                plain.add(a);
            }
        }
        boolean writes = plain.size() >= 2 || (editing && !plain.isEmpty());
        if (writes && indirect(plain.get(0))) {
            return Optional.of(indirection("git config " + String.join(" ", rest)));
        }
        return Optional.empty();
    }
}
