package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PackageAllowlist;
import dev.voxloop.core.guard.PolicyContext;
import dev.voxloop.core.guard.ToolCall;
import dev.voxloop.core.guard.ToolUsePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tool-use policy: the PreToolUse and PostToolUse hooks ask it about each call, and the loop's
 * protected-files gate asks it about each file a turn changed. Shell commands are parsed
 * ({@link ShellParser}), not pattern-matched, so ordinary commands ({@code pr_url=$(gh pr create ...)}, pipes,
 * heredoc commits, {@code rm -rf target}, {@code sed -i} on sources) stay allowed while the same harmful
 * intent is caught in every spelling.
 */
public final class ToolUseRules implements ToolUsePolicy {

    private static final Set<String> WRITE_TOOLS = Set.of("Write", "Edit", "MultiEdit", "create_file", "write_file",
            "edit_file", "str_replace_editor", "delete_file", "apply_patch");
    private static final Set<String> READ_TOOLS = Set.of("Read", "NotebookRead", "read_file", "view_file");
    private static final Set<String> SHELL_TOOLS = Set.of("Bash", "Shell", "Execute", "run_shell_command",
            "execute_command", "shell");
    private static final Pattern PATCH_FILE = Pattern.compile(
            "(?m)^\\*\\*\\* (?:Add File|Update File|Delete File|Move to): (.+)$");
    private static final Pattern FORK_BOMB = Pattern.compile(":\\s*\\(\\s*\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*}");

    private final PackageAllowlist allowlist;
    private final CodeRules code;

    /** @param allowlist packages the agent may install (pip, npm, maven); everything else is refused */
    public ToolUseRules(PackageAllowlist allowlist) {
        this.allowlist = allowlist;
        this.code = new CodeRules(allowlist, this::shell);
    }

    /** The policy with the default package allowlist. */
    public ToolUseRules() {
        this(PackageAllowlist.DEFAULTS);
    }

    @Override
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
        // file tools of Claude Code and of other agents' tool sets, by name
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

    /** The verdict on a whole shell command line: every simple command in it must pass. */
    public Decision shell(String command, PolicyContext ctx) {
        if (command == null || command.isBlank()) {
            return Decision.ALLOW;
        }
        if (FORK_BOMB.matcher(command).find()) {
            return Decision.deny("destructive", "a fork bomb is not allowed");
        }
        // checked on the raw text because it hides in many spellings (git -c, git config, GIT_CONFIG_* variables)
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
            Optional<Decision> d = r.writes() ? FileRules.writeTarget(r.target(), ctx, "redirection " + r.op())
                    : FileRules.read(r.target(), ctx);
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
        // an alias defines a command to run later: judge its body now
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
        // the first rule that refuses wins; the order puts the clearest explanation first
        return firstOf(
                () -> SystemRules.privilege(name),
                () -> SystemRules.destructive(name, args, ctx),
                () -> CodeRules.pipedRemote(c, name, args),
                () -> name.equals("git") ? GitRules.git(args, ctx) : Optional.empty(),
                () -> name.equals("gh") ? GitRules.gh(args) : Optional.empty(),
                () -> InstallRules.check(name, args, allowlist),
                () -> code.interpreter(c, name, args, ctx),
                () -> FileRules.fileWrites(name, args, ctx),
                () -> FileRules.secretReads(name, args, ctx));
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











    private static String firstText(Map<String, Object> input, String... keys) {
        for (String k : keys) {
            Object v = input.get(k);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    /** The last path component of a command word ({@code /usr/bin/rm} is {@code rm}). */
    static String base(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }
}
