package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands that harm the machine rather than the project: privilege escalation, disk and power tools, recursive
 * removal or permission changes of whole trees ({@code rm -rf /}, {@code chmod -R 777 ~}), scheduled jobs, signals
 * to every process, listening sockets.
 */
final class SystemRules {

    /** What rm -r, chmod, chown or find -delete may never name: the machine, the home or the whole workspace. */
    static final Set<String> DANGEROUS_TARGETS = Set.of("/", "/*", "~", "~/", "~/*", "$HOME", "${HOME}",
            "$HOME/", ".", "./", "..", "../", "*", "./*", "/home", "/usr", "/etc", "/var", "/bin", "/lib", "/boot",
            "/root", "/opt", "/sys", "/proc", "/dev");

    private SystemRules() {
    }

    static Optional<Decision> privilege(String name) {
        if (Set.of("sudo", "su", "doas", "pkexec").contains(name)) {
            return Optional.of(Decision.deny("privilege", name + " is not allowed: the agent runs without root"));
        }
        return Optional.empty();
    }

    static Optional<Decision> destructive(String name, List<String> args, PolicyContext ctx) {
        if (name.startsWith("mkfs") || Set.of("fdisk", "parted", "wipefs", "shutdown", "reboot", "halt", "poweroff")
                .contains(name)) {
            return Optional.of(Decision.deny("destructive", name + " is not allowed"));
        }
        if (name.equals("dd")) {
            for (String a : args) {
                if (a.startsWith("of=/dev/") && !a.equals("of=/dev/null")) {
                    return Optional.of(Decision.deny("destructive", "dd onto a device is not allowed"));
                }
                if (a.startsWith("of=")) {
                    Optional<Decision> d = FileRules.writeTarget(a.substring(3), ctx, "dd");
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
        }
        // rm needs -r to hurt a directory; chmod/chown/chgrp on "/" or "~" hurts even without -R
        if (name.equals("rm") || name.equals("chmod") || name.equals("chown") || name.equals("chgrp")) {
            boolean recursive = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*[rR][a-zA-Z]*|--recursive"));
            if (args.contains("--no-preserve-root")) {
                return Optional.of(Decision.deny("destructive", name + " --no-preserve-root is not allowed"));
            }
            for (String a : args) {
                if (!a.startsWith("-") && DANGEROUS_TARGETS.contains(a) && (recursive || !name.equals("rm"))) {
                    return Optional.of(Decision.deny("destructive", name + " " + String.join(" ", args)
                            + " would damage the workspace or the machine; name the files or build directory to"
                            + " remove instead"));
                }
            }
        }
        if (name.equals("crontab") && !args.contains("-l")) {
            return Optional.of(Decision.deny("destructive", "crontab changes scheduled jobs on the machine"));
        }
        if ((name.equals("kill") || name.equals("pkill")) && !args.isEmpty() && args.get(args.size() - 1).equals("-1")) {
            return Optional.of(Decision.deny("destructive", "kill -1 signals every process"));
        }
        if ((name.equals("nc") || name.equals("ncat")) && args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*[le].*"))) {
            return Optional.of(Decision.deny("destructive", name + " listening or executing is not allowed"));
        }
        return Optional.empty();
    }
}
