package dev.voxloop.app.console;

import dev.voxloop.app.AppConfig;
import dev.voxloop.app.Voxloop;
import dev.voxloop.core.config.ConfigTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The server under test: the real composition root ({@link Voxloop}) serving on a free port, with an H2
 * database in a temporary data directory and an API token, so every scenario also proves the token path.
 * {@code -Dvoxloop.console.url=...} (and {@code -Dvoxloop.console.token=...}) point the suite at an already
 * running {@code voxloop serve} instead.
 */
final class ConsoleServer implements AutoCloseable {

    static final String TOKEN = "console-test-token";

    private final String url;
    private final String token;
    private final Voxloop voxloop;
    private final Voxloop.Running running;

    private ConsoleServer(String url, String token, Voxloop voxloop, Voxloop.Running running) {
        this.url = url;
        this.token = token;
        this.voxloop = voxloop;
        this.running = running;
    }

    static ConsoleServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** As {@link #start(Path)} with more configuration sections ({@code speech} for one), unless external. */
    static ConsoleServer start(Path dataDir, Map<String, Object> sections) {
        String external = System.getProperty("voxloop.console.url");
        if (external != null && !external.isBlank()) {
            return new ConsoleServer(external.replaceAll("/+$", ""), System.getProperty("voxloop.console.token"),
                    null, null);
        }
        Map<String, Object> config = new java.util.LinkedHashMap<>(sections);
        config.put("server", Map.of("host", "127.0.0.1", "port", 0, "api_token", TOKEN));
        ConfigTree tree = new ConfigTree(config);
        Voxloop voxloop = Voxloop.open(new AppConfig(tree, dataDir, null, List.of()));
        try {
            Voxloop.Running running = voxloop.serve("127.0.0.1", 0, 0);
            return new ConsoleServer(running.url(), TOKEN, voxloop, running);
        } catch (RuntimeException e) {
            voxloop.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    String token() {
        return token;
    }

    /** The server's own composition root, or null when the suite runs against an external server. */
    Voxloop app() {
        return voxloop;
    }

    /** A request the rules-only extractor cannot file without asking (no project, no criteria). */
    String vagueRequest() {
        return "Add a dark mode";
    }

    /** A request that names project, type and priority. */
    String clearRequest() {
        return "Create a high priority bug in BookIt: the calendar crashes on Safari when a customer picks a time slot";
    }

    /** A typed answer for a clarification about the given field. */
    String answerFor(String field) {
        return switch (field == null ? "" : field) {
            case "project" -> "BookIt";
            case "issue_type" -> "Story";
            case "priority" -> "High";
            case "summary" -> "Add a dark mode toggle to the BookIt settings page";
            case "acceptance_criteria" -> "The settings page has a dark mode toggle and the choice is remembered";
            default -> "It is for BookIt: a dark mode toggle on the settings page that is remembered";
        };
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            running.stop();
        }
        if (voxloop != null) {
            voxloop.close();
        }
    }
}
