package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.PolicyContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which paths an agent may not write ({@code .github/}, {@code .githooks/}, {@code .claude/}, {@code .voxloop/},
 * {@code .git/}, {@code .env} and {@code .env.*} except {@code .env.example}, {@code CODEOWNERS}) and which it
 * may not read (secrets). Globs are judged by what they could match: {@code rm -rf .git*} touches .github.
 */
public final class ProtectedPaths {

    public static final List<String> DIRS = List.of(".github", ".githooks", ".claude", ".voxloop", ".git");
    private static final List<String> ENV_ALLOWED = List.of(".env.example");
    private static final Pattern KEY_FILE = Pattern.compile("(id_rsa|id_dsa|id_ecdsa|id_ed25519)(\\.pub)?|"
            + "\\.netrc|\\.pgpass|credentials|.*\\.pem|.*\\.p12|.*\\.key");

    private ProtectedPaths() {
    }

    /**
     * Why writing {@code path} is forbidden, or empty when it is fine: a protected path, a path outside the
     * workspace, or a path that leads through a symbolic link to either.
     */
    public static Optional<String> writeViolation(String path, PolicyContext ctx) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return protectedPath(path, ctx).or(() -> WorkspaceBounds.outside(path, ctx))
                .or(() -> WorkspaceBounds.throughLink(path, ctx));
    }

    /** Why {@code path}, as written, names a protected path, or empty. */
    static Optional<String> protectedPath(String path, PolicyContext ctx) {
        List<String> parts = components(path, ctx);
        for (int k = 0; k < parts.size(); k++) {
            String c = parts.get(k);
            for (String dir : DIRS) {
                if (matches(c, dir)) {
                    return Optional.of("'" + path + "' is inside " + dir + "/, which is protected: the agent may not"
                            + " change CI, hooks, agent settings, voxloop config or git internals");
                }
            }
            if (isEnvName(c) && (k == parts.size() - 1 || c.contains("*"))) {
                return Optional.of("'" + path + "' is an environment file (.env, .env.*); only .env.example may be"
                        + " changed");
            }
            if (c.equals(".ssh")) {
                return Optional.of("'" + path + "' is inside ~/.ssh");
            }
        }
        String norm = path.strip().replace('\\', '/');
        if (ctx.home() != null && (norm.startsWith("~/") || norm.startsWith("$HOME/") || norm.startsWith("${HOME}/")
                || norm.startsWith(ctx.home().toString().replace('\\', '/') + "/"))) {
            List<String> homeParts = components(ctx.home().toString(), ctx);
            if (parts.size() > homeParts.size() && parts.subList(0, homeParts.size()).equals(homeParts)
                    && parts.get(homeParts.size()).startsWith(".")) {
                return Optional.of("'" + path + "' is a configuration file in the home directory (shell, git, package"
                        + " manager or agent settings); the agent may not change it");
            }
        }
        String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        boolean rootish = parts.size() == 1 || (parts.size() == 2 && parts.get(0).equals("docs"));
        if (rootish && matches(last, "CODEOWNERS")) {
            return Optional.of("'" + path + "' is CODEOWNERS, which is protected");
        }
        return Optional.empty();
    }

    /** Why reading {@code path} is forbidden (it holds secrets), or empty. */
    public static Optional<String> readViolation(String path, PolicyContext ctx) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = components(path, ctx);
        for (int k = 0; k < parts.size(); k++) {
            String c = parts.get(k);
            if (c.equals(".ssh") || c.equals(".aws") || c.equals(".gnupg")) {
                return Optional.of("'" + path + "' holds credentials (" + c + "); secrets may not be read");
            }
            if (k == parts.size() - 1) {
                if (isEnvName(c) && !c.contains("*")) {
                    return Optional.of("'" + path + "' is an environment file with secrets; read .env.example"
                            + " instead");
                }
                if (KEY_FILE.matcher(c).matches() && !c.endsWith(".pub")) {
                    return Optional.of("'" + path + "' looks like a private key or credential file");
                }
            }
        }
        String norm = path.replace('\\', '/');
        if (norm.equals("/etc/shadow") || norm.startsWith("/proc/self/environ")) {
            return Optional.of("'" + path + "' holds secrets");
        }
        return Optional.empty();
    }

    static boolean isEnvName(String c) {
        String l = c.toLowerCase(Locale.ROOT);
        if (ENV_ALLOWED.contains(l)) {
            return false;
        }
        if (hasGlob(c)) {
            return matches(c, ".env") || matches(c, ".env.local");
        }
        return l.equals(".env") || l.startsWith(".env.");
    }

    /** Path components relative to the project (absolute paths inside it are made relative; ~ expanded). */
    static List<String> components(String path, PolicyContext ctx) {
        String p = path.strip().replace('\\', '/');
        if ((p.startsWith("~/") || p.equals("~")) && ctx.home() != null) {
            p = ctx.home().toString().replace('\\', '/') + p.substring(1);
        }
        p = p.replace("$HOME", ctx.home() == null ? "~" : ctx.home().toString())
                .replace("${HOME}", ctx.home() == null ? "~" : ctx.home().toString())
                .replace("$CLAUDE_PROJECT_DIR", ctx.projectDir() == null ? "." : ctx.projectDir().toString())
                .replace("${CLAUDE_PROJECT_DIR}", ctx.projectDir() == null ? "." : ctx.projectDir().toString());
        if (p.startsWith("/") && ctx.projectDir() != null && !hasGlob(p)) {
            try {
                Path abs = Path.of(p).normalize();
                Path root = ctx.projectDir().toAbsolutePath().normalize();
                if (abs.startsWith(root)) {
                    p = root.relativize(abs).toString().replace('\\', '/');
                }
            } catch (RuntimeException ignored) {
                // not a path this platform can parse: judged as written, which the component checks below still
                // see (they do not need it to be relative)
            }
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String c : p.split("/+")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** Whether component {@code c} (possibly a glob) names or could match {@code name}. */
    static boolean matches(String c, String name) {
        if (c.equals(name)) {
            return true;
        }
        if (!hasGlob(c)) {
            return false;
        }
        if (name.startsWith(".") && !c.startsWith(".") && !c.startsWith("{") && !c.startsWith("[")) {
            return false;
        }
        return globRegex(c).matcher(name).matches();
    }

    static Pattern globRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int k = 0; k < glob.length(); k++) {
            char ch = glob.charAt(k);
            switch (ch) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', k + 1);
                    if (end < 0) {
                        r.append("\\[");
                    } else {
                        r.append('[').append(glob.substring(k + 1, end).replace("!", "^").replace("\\", "\\\\"))
                                .append(']');
                        k = end;
                    }
                }
                case '{' -> r.append('(');
                case '}' -> r.append(')');
                case ',' -> r.append('|');
                default -> r.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        try {
            return Pattern.compile(r.toString());
        } catch (RuntimeException e) {
            // a glob our translation cannot express (unbalanced braces): match it literally, as the shell would
            return Pattern.compile(Pattern.quote(glob));
        }
    }
}
