package dev.voxloop.loop.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tool-use policy: the PreToolUse hook asks it before a call runs, and the orchestrator uses
 * {@link ProtectedPaths} from the same package on the diff after a turn. Shell commands are parsed
 * ({@link ShellParser}), not pattern-matched, so ordinary commands ({@code pr_url=$(gh pr create ...)}, pipes,
 * heredoc commits, {@code rm -rf target}, {@code sed -i} on sources) stay allowed while the same harmful
 * intent is caught in every spelling.
 */
public final class ToolUsePolicy {

    private static final Set<String> WRITE_TOOLS = Set.of("Write", "Edit", "MultiEdit", "create_file", "write_file",
            "edit_file", "str_replace_editor", "delete_file", "apply_patch");
    private static final Set<String> READ_TOOLS = Set.of("Read", "NotebookRead", "read_file", "view_file");
    private static final Set<String> SHELL_TOOLS = Set.of("Bash", "Shell", "Execute", "run_shell_command",
            "execute_command", "shell");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "fish");
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "node", "nodejs", "perl",
            "ruby", "php", "deno", "bun", "lua", "osascript", "pwsh", "powershell", "jshell", "groovy");
    private static final Set<String> REMOTE = Set.of("curl", "wget", "fetch", "nc", "ncat", "socat", "aria2c");
    private static final Set<String> ECHOING = Set.of("echo", "printf", "gh", "git", ":", "true", "test", "[");
    private static final Set<String> DANGEROUS_TARGETS = Set.of("/", "/*", "~", "~/", "~/*", "$HOME", "${HOME}",
            "$HOME/", ".", "./", "..", "../", "*", "./*", "/home", "/usr", "/etc", "/var", "/bin", "/lib", "/boot",
            "/root", "/opt", "/sys", "/proc", "/dev");
    private static final Pattern FORK_BOMB = Pattern.compile(":\\s*\\(\\s*\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*}");
    private static final Pattern CODE_PROTECTED = Pattern.compile("(^|[^\\w.])(\\.github|\\.githooks|\\.claude|"
            + "\\.voxloop|\\.git/|CODEOWNERS|\\.ssh|id_rsa|id_ed25519|\\.env(?![.\\w]*example)\\b)");
    private static final Pattern REMOTE_CODE = Pattern.compile("urlopen|urllib|requests\\.get|http\\.client|"
            + "\\bfetch\\s*\\(|https?://|LWP::|Net::HTTP|open-uri");
    private static final Pattern EXEC_CODE = Pattern.compile("\\bexec\\s*\\(|\\beval\\s*\\(|\\bFunction\\s*\\("
            + "|\\bsystem\\s*\\(|\\|\\s*(ba)?sh\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`\\n]*`");
    private static final Pattern PATCH_FILE = Pattern.compile("(?m)^\\*\\*\\* (?:Add File|Update File|Delete File|Move to): (.+)$");
    private static final Pattern SUBST_REMOTE = Pattern.compile("(\\$\\(|<\\(|`)[^)`]*\\b(curl|wget|fetch)\\b");

    private final PackageAllowlist allowlist;

    public ToolUsePolicy(PackageAllowlist allowlist) {
        this.allowlist = allowlist;
    }

    public ToolUsePolicy() {
        this(PackageAllowlist.DEFAULTS);
    }

    public Decision evaluate(ToolCall call, PolicyContext ctx) {
        String tool = call.tool();
        if (SHELL_TOOLS.contains(tool)) {
            String cmd = call.text("command");
            return cmd == null ? call.text("cmd") == null ? Decision.ALLOW : shell(call.text("cmd"), ctx)
                    : shell(cmd, ctx);
        }
        if (tool.equals("apply_patch") && firstText(call.input(), "file_path", "path") == null) {
            return patch(firstText(call.input(), "command", "input", "patch"), ctx);
        }
        if (WRITE_TOOLS.contains(tool) || tool.equals("NotebookEdit")) {
            String path = firstText(call.input(), "file_path", "notebook_path", "path", "filePath");
            Optional<String> v = ProtectedPaths.writeViolation(path, ctx);
            return v.map(r -> Decision.deny("protected-path", tool + ": " + r)).orElse(Decision.ALLOW);
        }
        if (READ_TOOLS.contains(tool) || tool.equals("Grep") || tool.equals("Glob")) {
            String path = firstText(call.input(), "file_path", "notebook_path", "path");
            Optional<String> v = ProtectedPaths.readViolation(path, ctx);
            if (v.isEmpty() && tool.equals("Glob")) {
                v = ProtectedPaths.readViolation(call.text("pattern"), ctx);
            }
            return v.map(r -> Decision.deny("secret-read", tool + ": " + r)).orElse(Decision.ALLOW);
        }
        return Decision.ALLOW;
    }

    /** Codex's apply_patch: every file the patch adds, updates, deletes or moves to is a write. */
    private static Decision patch(String patch, PolicyContext ctx) {
        if (patch == null) {
            return Decision.ALLOW;
        }
        Matcher m = PATCH_FILE.matcher(patch);
        while (m.find()) {
            Optional<String> v = ProtectedPaths.writeViolation(m.group(1).strip(), ctx);
            if (v.isPresent()) {
                return Decision.deny("protected-path", "apply_patch: " + v.get());
            }
        }
        return Decision.ALLOW;
    }

    public Decision shell(String command, PolicyContext ctx) {
        if (command == null || command.isBlank()) {
            return Decision.ALLOW;
        }
        if (FORK_BOMB.matcher(command).find()) {
            return Decision.deny("destructive", "a fork bomb is not allowed");
        }
        if (command.toLowerCase(java.util.Locale.ROOT).contains("core.hookspath")) {
            return Decision.deny("hooks-path", "changing core.hooksPath (by git config, -c or GIT_CONFIG_*) disables"
                    + " the repository's git hooks; leave git configuration alone");
        }
        for (ShellCommand c : ShellParser.parse(command)) {
            Optional<Decision> d = command(c, ctx);
            if (d.isPresent()) {
                return d.get();
            }
        }
        return Decision.ALLOW;
    }

    private Optional<Decision> command(ShellCommand c, PolicyContext ctx) {
        for (ShellCommand.Redirect r : c.redirects()) {
            Optional<Decision> d = r.writes() ? writeTarget(r.target(), ctx, "redirection " + r.op())
                    : read(r.target(), ctx);
            if (d.isPresent()) {
                return d;
            }
        }
        if (c.words().isEmpty()) {
            return Optional.empty();
        }
        String name = base(c.name());
        List<String> args = c.args();
        if (c.name().contains("$(") || c.name().contains("`")) {
            return Optional.of(Decision.deny("obfuscated", "the command name comes from a substitution ("
                    + c.name() + "), so what runs cannot be checked; write the command out"));
        }
        if (name.equals("alias")) {
            for (String a : args) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    Decision d = shell(a.substring(eq + 1), ctx);
                    if (!d.allowed()) {
                        return Optional.of(d);
                    }
                }
            }
        }
        return firstOf(
                () -> privilege(name),
                () -> destructive(name, args, ctx),
                () -> pipedRemote(c, name, args),
                () -> name.equals("git") ? GitRules.git(args, ctx) : Optional.empty(),
                () -> name.equals("gh") ? GitRules.gh(args) : Optional.empty(),
                () -> InstallRules.check(name, args, allowlist),
                () -> interpreter(c, name, args, ctx),
                () -> fileWrites(name, args, ctx),
                () -> secretReads(name, args, ctx));
    }

    @SafeVarargs
    private static Optional<Decision> firstOf(java.util.function.Supplier<Optional<Decision>>... checks) {
        for (var s : checks) {
            Optional<Decision> d = s.get();
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> privilege(String name) {
        if (Set.of("sudo", "su", "doas", "pkexec").contains(name)) {
            return Optional.of(Decision.deny("privilege", name + " is not allowed: the agent runs without root"));
        }
        return Optional.empty();
    }

    private static Optional<Decision> destructive(String name, List<String> args, PolicyContext ctx) {
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
                    Optional<Decision> d = writeTarget(a.substring(3), ctx, "dd");
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
        }
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

    private static Optional<Decision> pipedRemote(ShellCommand c, String name, List<String> args) {
        boolean runsCode = SHELLS.contains(name) || INTERPRETERS.contains(name) || name.equals("source")
                || name.equals(".") || name.equals("eval");
        if (!runsCode) {
            return Optional.empty();
        }
        for (String a : args) {
            if (SUBST_REMOTE.matcher(a).find()) {
                return Optional.of(Decision.deny("piped-remote", "running code downloaded on the fly is not allowed;"
                        + " download it, read it, and vendor what is needed"));
            }
        }
        boolean scriptless = args.stream().allMatch(a -> a.startsWith("-"));
        for (ShellCommand up = c.pipedFrom(); up != null && scriptless; up = up.pipedFrom()) {
            String u = base(up.name());
            boolean decodes = u.equals("base64") || u.equals("xxd") || u.equals("openssl");
            if (REMOTE.contains(u) || decodes) {
                return Optional.of(Decision.deny("piped-remote", "piping " + u + " output into " + name
                        + " runs unreviewed code; download to a file and inspect it instead"));
            }
        }
        return Optional.empty();
    }

    private Optional<Decision> interpreter(ShellCommand c, String name, List<String> args, PolicyContext ctx) {
        if (!INTERPRETERS.contains(name) && !name.matches("python3\\.\\d+")) {
            return Optional.empty();
        }
        if (name.startsWith("python")) {
            int m = args.indexOf("-m");
            if (m >= 0 && m + 1 < args.size() && args.get(m + 1).equals("pip")) {
                return InstallRules.pythonModule(args.subList(m + 2, args.size()), allowlist);
            }
        }
        StringBuilder code = new StringBuilder();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (Set.of("-c", "-e", "-E", "--eval", "-p", "--print", "-r").contains(a) && k + 1 < args.size()) {
                code.append(args.get(k + 1)).append('\n');
            } else if (a.matches("-[a-zA-Z]*[ce]") && k + 1 < args.size()) {
                code.append(args.get(k + 1)).append('\n');
            }
        }
        boolean readsStdin = args.stream().allMatch(a -> a.startsWith("-"));
        if (c.stdinText() != null && readsStdin) {
            code.append(c.stdinText());
        }
        if (name.equals("perl") && args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*i.*"))) {
            Optional<Decision> d = nonOptionWrites(args, ctx, "perl -i", true);
            if (d.isPresent()) {
                return d;
            }
        }
        if (code.length() > 0 && REMOTE_CODE.matcher(code).find() && EXEC_CODE.matcher(code).find()) {
            return Optional.of(Decision.deny("piped-remote", name + " code that downloads and executes code is not"
                    + " allowed"));
        }
        if (code.length() > 0) {
            // commands the code would hand to a shell (os.system, subprocess, child_process, system, backticks)
            var lit = STRING_LITERAL.matcher(code);
            while (lit.find()) {
                String inner = lit.group().substring(1, lit.group().length() - 1);
                if (inner.indexOf(' ') > 0 && inner.length() < 2000) {
                    Decision d = shell(inner, ctx);
                    if (!d.allowed()) {
                        return Optional.of(Decision.deny(d.rule(), "inside " + name + " code: " + d.reason()));
                    }
                }
            }
        }
        if (code.length() > 0 && CODE_PROTECTED.matcher(code).find()) {
            return Optional.of(Decision.deny("protected-path", name + " code that touches protected or secret files"
                    + " (.github, .githooks, .claude, .voxloop, .git, .env, CODEOWNERS, ~/.ssh) is not allowed"));
        }
        return Optional.empty();
    }

    private static Optional<Decision> fileWrites(String name, List<String> args, PolicyContext ctx) {
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
                    target = ops.size() == 1 && name.equals("ln") ? base(ops.get(0)) : ops.get(ops.size() - 1);
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
                boolean inPlace = args.stream().anyMatch(a -> a.startsWith("--in-place")
                        || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('i') > 0
                        && a.indexOf('i') < (a.indexOf('e') < 0 ? Integer.MAX_VALUE : a.indexOf('e') + 1)));
                boolean scriptGiven = args.stream().anyMatch(a -> a.equals("-e") || a.equals("-f")
                        || a.startsWith("--expression") || a.startsWith("--file"));
                List<String> ops = operands(args, Set.of("-e", "-f", "--expression", "--file", "-l"));
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
                        if (DANGEROUS_TARGETS.contains(a) && !a.equals(".") && !a.equals("./")) {
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

    private static Optional<Decision> secretReads(String name, List<String> args, PolicyContext ctx) {
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
        if (name.equals("source") || name.equals(".")) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Decision> nonOptionWrites(List<String> args, PolicyContext ctx, String what,
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

    private static List<String> operands(List<String> args, Set<String> withValue) {
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

    private static Optional<Decision> writeTarget(String target, PolicyContext ctx, String how) {
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

    private static Optional<Decision> read(String path, PolicyContext ctx) {
        return ProtectedPaths.readViolation(path, ctx).map(r -> Decision.deny("secret-read", r));
    }

    private static String firstText(Map<String, Object> input, String... keys) {
        for (String k : keys) {
            Object v = input.get(k);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    private static String base(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }
}
