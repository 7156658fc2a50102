package dev.voxloop.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The server under test. TEMPORARY: points at -Dvoxloop.console.url until the composed server is wired. */
final class ConsoleServer implements AutoCloseable {

    private final String url;
    private final String token;

    private ConsoleServer(String url, String token) {
        this.url = url;
        this.token = token;
    }

    static ConsoleServer start(Path dataDir) {
        String url = System.getProperty("voxloop.console.url");
        if (url == null) {
            throw new IllegalStateException("set -Dvoxloop.console.url");
        }
        return new ConsoleServer(url, System.getProperty("voxloop.console.token"));
    }

    String url() {
        return url;
    }

    String token() {
        return token;
    }

    String answerFor(String field) {
        return "BookIt";
    }

    String vagueRequest() {
        return "Add dark mode";
    }

    String clearRequest() {
        return "Add dark mode";
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
    }
}
