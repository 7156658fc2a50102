package dev.voxloop.peers.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's own published OpenAPI descriptions as {@code scripts/github-openapi.sh} unpacks them from the npm packages
 * {@code @octokit/openapi} (REST) and {@code @octokit/openapi-webhooks} (webhook payloads), at the versions that
 * script pins. The script is run once when the cache lacks them (it needs npm).
 */
public final class GitHubDescriptions {

    private static final Pattern PIN = Pattern.compile("(?m)^(OPENAPI_VERSION|WEBHOOKS_VERSION)=(\\S+)$");

    private GitHubDescriptions() {
    }

    /** {@code api.github.com.json} of {@code @octokit/openapi}. */
    public static Path rest() {
        return file("openapi", "OPENAPI_VERSION");
    }

    /** {@code api.github.com.json} of {@code @octokit/openapi-webhooks}. */
    public static Path webhooks() {
        return file("openapi-webhooks", "WEBHOOKS_VERSION");
    }

    private static synchronized Path file(String pkg, String pinName) {
        Path script = script();
        String version = pin(script, pinName);
        Path file = cache().resolve(pkg + "@" + version).resolve("generated/api.github.com.json");
        if (!Files.isRegularFile(file)) {
            fetch(script);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing; run scripts/github-openapi.sh");
        }
        return file;
    }

    private static Path cache() {
        String dir = System.getenv("VOXLOOP_GITHUB_OPENAPI_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("voxloop/github-openapi");
    }

    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("scripts/github-openapi.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("scripts/github-openapi.sh is not above " + Path.of("").toAbsolutePath());
    }

    private static String pin(Path script, String name) {
        try {
            Matcher m = PIN.matcher(Files.readString(script));
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return m.group(2);
                }
            }
            throw new IllegalStateException(script + " pins no " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fetch(Path script) {
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("scripts/github-openapi.sh failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
