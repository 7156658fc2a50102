package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.server.Route;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /openapi.json against the composed server's own route table (every part wired:
 * forge, loop runs, loop status, GitHub's webhook): every route the server registers is documented, every
 * documented operation is a route, and the page that renders the document loads its scripts from this server.
 */
class ApiDocumentRoutesTest {

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @TempDir
    static Path data;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(data, TestServer.config(Map.of("speech.engine", "none",
                "github.webhook_secret", "route-table", "loop.workers", 0)));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        JsonNode paths = s.http.get("/openapi.json").json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (HTTP_METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                boolean ws = p.getValue().path(m).path("x-websocket").asBoolean(false);
                documented.add((ws ? "WEBSOCKET" : m.toUpperCase(Locale.ROOT)) + " " + p.getKey());
            }
        }));
        Set<String> registered = new TreeSet<>();
        List<Route> routes = s.running.routes();
        for (Route r : routes) {
            if (HTTP_METHODS.contains(r.method()) || r.method().equals("WEBSOCKET") || r.method().equals("ANY")) {
                registered.add(r.method() + " " + r.path());
            }
        }
        assertThat(registered).as("the route table").contains("POST /api/webhook/github", "GET /api/repos",
                "GET /api/loop/runs", "GET /api/loop/status", "ANY /git/*", "WEBSOCKET /ws/status");

        List<String> undocumented = new ArrayList<>();
        for (String r : registered) {
            boolean ok = r.equals("ANY /git/*") ? documented.stream().anyMatch(d -> d.contains(" /git/"))
                    : documented.contains(r);
            if (!ok) {
                undocumented.add(r);
            }
        }
        assertThat(undocumented).as("routes the server has that /openapi.json does not describe").isEmpty();

        List<String> missing = new ArrayList<>();
        for (String d : documented) {
            String path = d.substring(d.indexOf(' ') + 1);
            boolean ok = registered.contains(d) || path.startsWith("/git/") && registered.contains("ANY /git/*")
                    || d.equals("GET /") && s.http.get("/").status() == 200; // the console's static files
            if (!ok) {
                missing.add(d);
            }
        }
        assertThat(missing).as("operations /openapi.json describes that the server does not have").isEmpty();
    }

    @Test
    void theApiPageLoadsSwaggerUiAndItsStarterFromThisServer() {
        Http.Response page = s.http.get("/api-docs");
        assertThat(page.status()).isEqualTo(200);
        List<String> scripts = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        while (m.find()) {
            scripts.add(m.group(1));
        }
        assertThat(scripts).anyMatch(x -> x.endsWith("swagger-ui-bundle.js")).contains("/js/api-docs.js",
                "/openapi.json");
        for (String src : scripts) {
            assertThat(s.http.get(src).status()).as(src).isEqualTo(200);
        }
    }

    @Test
    void gitOverHttpChecksHostAndOriginLikeEveryOtherRoute() throws Exception {
        int port = Integer.parseInt(s.running.url().replaceAll(".*:(\\d+)$", "$1"));
        String refs = "/git/nothing.git/info/refs?service=git-upload-pack";
        assertThat(status(port, refs, "rebind.example:" + port, null)).isEqualTo(403);
        assertThat(status(port, refs, "127.0.0.1:" + port, "https://evil.example")).isEqualTo(403);
        assertThat(status(port, refs, "127.0.0.1:" + port, null)).isNotEqualTo(403);
        assertThat(status(port, refs, "localhost:" + port, "http://localhost:" + port)).isNotEqualTo(403);
        // a method git does not use is the client's mistake (the servlet default was a 501)
        assertThat(status(port, "PROPFIND", refs, "127.0.0.1:" + port, null)).isEqualTo(405);
    }

    /** The status of a GET sent with exactly these Host and Origin headers (HttpClient may not set Host). */
    static int status(int port, String path, String host, String origin) throws Exception {
        return status(port, "GET", path, host, origin);
    }

    static int status(int port, String method, String path, String host, String origin) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? ""
                    : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
