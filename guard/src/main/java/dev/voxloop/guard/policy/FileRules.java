package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a command writes or reads, worked out from its arguments the way the command itself reads them
 * (options that take a value, {@code --}, {@code -t DIR}, a last operand that is the target), then judged by
 * {@link ProtectedPaths}: no writes to protected files, devices or system paths, no reads of secrets.
 */
final class FileRules {

    /** Commands whose arguments are words, not files they read ({@code echo .env} prints a word). */
    private static final Set<String> ECHOING = Set.of("echo", "printf", "gh", "git", ":", "true", "test", "[");

    private FileRules() {
    }

    static Optional<Decision> fileWrites(String name, List<String> args, PolicyContext ctx) {
        switch (name) {
            case "rm", "rmdir", "unlink", "shred", "truncate", "touch", "mkdir", "chmod", "chown", "chgrp" -> {
                List<String> operands = new ArrayList<>(operands(args, Set.of("-s", "--size", "-m", "--mode", "-r",
                        "--reference")));
                if (name.equals("chmod")) {
                    operands = new ArrayList<>(args.stream().filter(a -> !a.startsWith("--"))
                            .filter(a -> !a.matches("[ugoa]*[-+=][rwxXstugo]*(,[ugoa]*[-+=][rwxXstugo]*)*|\\d{3,4}"))
                            .filter(a -> !a.matches("-[RfvcH]+")).toList());
                } else if ((name.equals("chown") || name.equals("chgrp")) && !operands.isEmpty()) {
                    operands = operands.subList(1, operands.size());
                }
                for (String o : operands) {
                    Optional<Decision> d = writeTarget(o, ctx, name);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
            case "cp", "mv", "install", "ln", "rsync", "scp" -> {
                List<String> ops = operands(args, Set.of("-t", "--target-directory", "-S", "--suffix", "-m",
                        "--mode", "-o", "-g", "-e"));
                String target = null;
                for (int k = 0; k < args.size(); k++) {
                    if ((args.get(k).equals("-t") || args.get(k).equals("--target-directory")) && k + 1 < args.size()) {
                        target = args.get(k + 1);
                    } else if (args.get(k).startsWith("--target-directory=")) {
                        target = args.get(k).substring("--target-directory=".length());
                    }
                }
                List<String> sources = ops;
                if (target == null && !ops.isEmpty()) {
                    target = ops.size() == 1 && name.equals("ln") ? ToolUseRules.base(ops.get(0)) : ops.get(ops.size() - 1);
                    sources = ops.size() > 1 ? ops.subList(0, ops.size() - 1) : List.of();
                }
                if (target != null) {
                    Optional<Decision> d = writeTarget(target, ctx, name);
                    if (d.isPresent()) {
                        return d;
                    }
                }
                for (String s : sources) {
                    Optional<Decision> d = name.equals("mv") ? writeTarget(s, ctx, "mv") : read(s, ctx);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
            case "tee" -> {
                return nonOptionWrites(args, ctx, "tee", false);
            }
            case "sed", "gsed" -> {
                // an 'i' in a short-option cluster (-i, -ni, -i.bak) edits in place, unless it comes after an 'e':
                // in "-ei" the i is the start of -e's script, not an option
                boolean inPlace = args.stream().anyMatch(a -> a.startsWith("--in-place")
                        || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('i') > 0
                        && a.indexOf('i') < (a.indexOf('e') < 0 ? Integer.MAX_VALUE : a.indexOf('e') + 1)));
                boolean scriptGiven = args.stream().anyMatch(a -> a.equals("-e") || a.equals("-f")
                        || a.startsWith("--expression") || a.startsWith("--file"));
                List<String> ops = operands(args, Set.of("-e", "-f", "--expression", "--file", "-l"));
                // without -e/-f the first operand is the sed script, not a file
                List<String> files = scriptGiven || ops.isEmpty() ? ops : ops.subList(1, ops.size());
                for (String f : files) {
                    Optional<Decision> d = inPlace ? writeTarget(f, ctx, "sed -i") : read(f, ctx);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
            case "curl", "wget" -> {
                for (int k = 0; k + 1 < args.size(); k++) {
                    String a = args.get(k);
                    if (a.equals("-o") || a.equals("--output") || a.equals("-O") && name.equals("wget")
                            || a.equals("--output-document")) {
                        Optional<Decision> d = writeTarget(args.get(k + 1), ctx, name);
                        if (d.isPresent()) {
                            return d;
                        }
                    }
                }
            }
            case "find" -> {
                boolean writes = args.contains("-delete") || args.contains("-exec") || args.contains("-execdir");
                if (writes) {
                    for (String a : args) {
                        if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
                            break;
                        }
                        if (SystemRules.DANGEROUS_TARGETS.contains(a) && !a.equals(".") && !a.equals("./")) {
                            return Optional.of(Decision.deny("destructive", "find " + a + " -delete/-exec would"
                                    + " touch the whole machine"));
                        }
                        Optional<Decision> d = writeTarget(a, ctx, "find -delete/-exec");
                        if (d.isPresent()) {
                            return d;
                        }
                    }
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Decision> secretReads(String name, List<String> args, PolicyContext ctx) {
        if (ECHOING.contains(name)) {
            if (name.equals("git") && !args.isEmpty() && (args.get(0).equals("add") || args.get(0).equals("show"))) {
                for (String a : args.subList(1, args.size())) {
                    Optional<Decision> d = read(a, ctx);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
            return Optional.empty();
        }
        for (String a : args) {
            String v = a;
            if (v.startsWith("@")) {
                v = v.substring(1);
            } else if (v.startsWith("-") && v.contains("=")) {
                v = v.substring(v.indexOf('=') + 1);
            } else if (v.startsWith("-")) {
                continue;
            }
            if (v.contains("=@")) {
                v = v.substring(v.indexOf("=@") + 2);
            }
            Optional<Decision> d = read(v, ctx);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Every non-option argument is a file written by {@code what}; with {@code skipCode}, -e CODE is skipped. */
    static Optional<Decision> nonOptionWrites(List<String> args, PolicyContext ctx, String what,
                                                      boolean skipCode) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.startsWith("-")) {
                if (skipCode && (a.equals("-e") || a.equals("-E") || a.matches("-[a-zA-Z]*e"))) {
                    k++;
                }
                continue;
            }
            Optional<Decision> d = writeTarget(a, ctx, what);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The arguments that are not options, skipping the value of each option in {@code withValue}. */
    static List<String> operands(List<String> args, Set<String> withValue) {
        List<String> out = new ArrayList<>();
        boolean endOfOptions = false;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && a.startsWith("-") && a.length() > 1) {
                if (withValue.contains(a)) {
                    k++;
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** A write to {@code target} done by {@code how}: devices, network pseudo-files, system paths, protected files. */
    static Optional<Decision> writeTarget(String target, PolicyContext ctx, String how) {
        if (target == null || target.isEmpty() || target.startsWith("&")) {
            return Optional.empty();
        }
        if (target.startsWith("/dev/tcp/") || target.startsWith("/dev/udp/")) {
            return Optional.of(Decision.deny("destructive", "network redirection (" + target + ") is not allowed"));
        }
        if (target.matches("/dev/(sd|hd|nvme|xvd|vd|mmcblk|disk|mem|kmem).*")) {
            return Optional.of(Decision.deny("destructive", "writing to a device (" + target + ") is not allowed"));
        }
        if (target.startsWith("/dev/")) {
            return Optional.empty();
        }
        if (target.matches("/(etc|usr|bin|sbin|boot|lib|lib64|sys|proc)(/.*)?")) {
            return Optional.of(Decision.deny("destructive", how + " writes to the system path " + target));
        }
        return ProtectedPaths.writeViolation(target, ctx)
                .map(r -> Decision.deny("protected-path", how + ": " + r));
    }

    static Optional<Decision> read(String path, PolicyContext ctx) {
        return ProtectedPaths.readViolation(path, ctx).map(r -> Decision.deny("secret-read", r));
    }
}
