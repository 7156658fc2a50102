package dev.voxloop.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real agent CLIs at the versions pinned in {@code scripts/agents.sh}, installed by that script (idempotent, into
 * a cache directory) the first time a test asks. A machine that cannot install them fails the test with the
 * script's own message: a real-agent test never passes without the real agent.
 */
public final class AgentBinaries {

    private static Path dir;

    private AgentBinaries() {
    }

    public static Path claude() {
        return bin("claude-code", "CLAUDE_CODE_VERSION", "claude");
    }

    public static Path codex() {
        return bin("codex", "CODEX_VERSION", "codex");
    }

    public static String claudeVersion() {
        return version("CLAUDE_CODE_VERSION");
    }

    public static String codexVersion() {
        return version("CODEX_VERSION");
    }

    private static Path bin(String pkg, String versionVar, String cli) {
        Path p = installed().resolve(pkg + "@" + version(versionVar)).resolve("node_modules/.bin").resolve(cli);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing after scripts/agents.sh ran");
        }
        return p;
    }

    private static String version(String var) {
        try {
            Matcher m = Pattern.compile("(?m)^" + var + "=(\\S+)$").matcher(Files.readString(script()));
            if (!m.find()) {
                throw new IllegalStateException(var + " is not set in scripts/agents.sh");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scripts/agents.sh", e);
        }
    }

    private static synchronized Path installed() {
        if (dir == null) {
            try {
                Process p = new ProcessBuilder("bash", script().toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("scripts/agents.sh failed (exit " + p.exitValue() + "): " + out);
                }
                dir = Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
            } catch (IOException e) {
                throw new IllegalStateException("cannot run scripts/agents.sh", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static Path script() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            Path s = d.resolve("scripts/agents.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
            d = d.getParent();
        }
        throw new IllegalStateException("scripts/agents.sh not found above " + Path.of("").toAbsolutePath());
    }
}
