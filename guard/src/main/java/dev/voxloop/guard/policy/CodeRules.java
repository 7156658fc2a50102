package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PackageAllowlist;
import dev.voxloop.core.guard.PolicyContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Code run by a shell or an interpreter, where the command line hides what will happen: code downloaded and run
 * on the fly ({@code curl ... | sh}, {@code bash <(curl ...)}, {@code python -c "exec(urlopen(...))"}), shell
 * commands inside interpreter code ({@code os.system("git push -f")}: each string literal that looks like a
 * command line is judged as a shell command), code that touches protected files, and {@code python -m pip}.
 */
final class CodeRules {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "fish");
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "node", "nodejs", "perl",
            "ruby", "php", "deno", "bun", "lua", "osascript", "pwsh", "powershell", "jshell", "groovy");
    private static final Set<String> REMOTE = Set.of("curl", "wget", "fetch", "nc", "ncat", "socat", "aria2c");
    private static final Pattern CODE_PROTECTED = Pattern.compile("(^|[^\\w.])(\\.github|\\.githooks|\\.claude|"
            + "\\.voxloop|\\.git/|CODEOWNERS|\\.ssh|id_rsa|id_ed25519|\\.env(?![.\\w]*example)\\b)");
    private static final Pattern REMOTE_CODE = Pattern.compile("urlopen|urllib|requests\\.get|http\\.client|"
            + "\\bfetch\\s*\\(|https?://|LWP::|Net::HTTP|open-uri");
    private static final Pattern EXEC_CODE = Pattern.compile("\\bexec\\s*\\(|\\beval\\s*\\(|\\bFunction\\s*\\("
            + "|\\bsystem\\s*\\(|\\|\\s*(ba)?sh\\b");
    /** A single-, double- or back-quoted string on one line, escapes allowed. */
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`\\n]*`");
    /** A command or process substitution that fetches something: {@code $(curl ...)}, {@code <(wget ...)}. */
    private static final Pattern SUBST_REMOTE = Pattern.compile("(\\$\\(|<\\(|`)[^)`]*\\b(curl|wget|fetch)\\b");

    private final PackageAllowlist allowlist;
    private final BiFunction<String, PolicyContext, Decision> shell;

    /** @param shell the whole policy's verdict on a shell command, for the commands found inside code */
    CodeRules(PackageAllowlist allowlist, BiFunction<String, PolicyContext, Decision> shell) {
        this.allowlist = allowlist;
        this.shell = shell;
    }

    static Optional<Decision> pipedRemote(ShellCommand c, String name, List<String> args) {
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
        // "curl ... | sh" runs whatever arrives on stdin; "... | sh build.sh" runs a file, which is ordinary
        boolean scriptless = args.stream().allMatch(a -> a.startsWith("-"));
        for (ShellCommand up = c.pipedFrom(); up != null && scriptless; up = up.pipedFrom()) {
            String u = ToolUseRules.base(up.name());
            boolean decodes = u.equals("base64") || u.equals("xxd") || u.equals("openssl");
            if (REMOTE.contains(u) || decodes) {
                return Optional.of(Decision.deny("piped-remote", "piping " + u + " output into " + name
                        + " runs unreviewed code; download to a file and inspect it instead"));
            }
        }
        return Optional.empty();
    }

    Optional<Decision> interpreter(ShellCommand c, String name, List<String> args, PolicyContext ctx) {
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
            Optional<Decision> d = FileRules.nonOptionWrites(args, ctx, "perl -i", true);
            if (d.isPresent()) {
                return d;
            }
        }
        // a download and an exec together: either alone (an HTTP test, an eval in a REPL snippet) is ordinary
        if (code.length() > 0 && REMOTE_CODE.matcher(code).find() && EXEC_CODE.matcher(code).find()) {
            return Optional.of(Decision.deny("piped-remote", name + " code that downloads and executes code is not"
                    + " allowed"));
        }
        if (code.length() > 0) {
            // commands the code would hand to a shell (os.system, subprocess, child_process, system, backticks)
            var lit = STRING_LITERAL.matcher(code);
            while (lit.find()) {
                String inner = lit.group().substring(1, lit.group().length() - 1);
                // only literals shaped like a command line (a word, a space, more); very long ones are data
                if (inner.indexOf(' ') > 0 && inner.length() < 2000) {
                    Decision d = shell.apply(inner, ctx);
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
}
