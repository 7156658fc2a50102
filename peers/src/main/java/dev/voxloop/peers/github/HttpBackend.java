package dev.voxloop.peers.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One smart-HTTP git request answered by stock {@code git http-backend}, the CGI program git ships: the request
 * becomes the CGI environment and standard input, the program's header lines (its {@code Status} among them)
 * become the response's status and headers, and the rest of its output the body.
 */
final class HttpBackend {

    private HttpBackend() {
    }

    /** Answers {@code ex} for the repository path {@code pathInfo} under {@code root}, the pusher being {@code user}. */
    static void respond(Path root, HttpExchange ex, String pathInfo, String user) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = pb.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", pathInfo);
        env.put("REQUEST_METHOD", ex.getRequestMethod());
        env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        putHeader(env, "CONTENT_TYPE", ex.getRequestHeaders().getFirst("Content-Type"));
        putHeader(env, "HTTP_CONTENT_ENCODING", ex.getRequestHeaders().getFirst("Content-Encoding"));
        putHeader(env, "GIT_PROTOCOL", ex.getRequestHeaders().getFirst("Git-Protocol"));
        Process p = pb.start();
        Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream(); InputStream body = ex.getRequestBody()) {
                body.transferTo(in);
            } catch (IOException ignored) {
                // the backend stopped reading: its answer says why
            }
        });
        Thread.ofVirtual().start(() -> {
            try (InputStream err = p.getErrorStream()) {
                err.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // nothing to report
            }
        });
        InputStream out = p.getInputStream();
        int status = 200;
        String line;
        while (!(line = headerLine(out)).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                ex.getResponseHeaders().add(name, value);
            }
        }
        ex.sendResponseHeaders(status, 0);
        try (OutputStream os = ex.getResponseBody()) {
            out.transferTo(os);
        }
    }

    private static void putHeader(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
