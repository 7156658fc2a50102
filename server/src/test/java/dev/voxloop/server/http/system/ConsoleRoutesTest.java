package dev.voxloop.server.http.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Javalin serve(ConsoleRoutes console) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            console.configure(cfg);
            console.register(cfg.routes);
        }).start("127.0.0.1", 0);
    }

    @Test
    void servesThePackagedConsoleAtTheRoot() throws Exception {
        ConsoleRoutes console = new ConsoleRoutes("/console-fixture");
        assertThat(console.packaged()).isTrue();
        Javalin app = serve(console);
        try {
            assertThat(get(app, "/").body()).contains("Console fixture");
            assertThat(get(app, "/app.css").body()).contains("color:red");
        } finally {
            app.stop();
        }
    }

    @Test
    void placeholderWhenNoConsoleIsPackaged() throws Exception {
        ConsoleRoutes console = new ConsoleRoutes("/no-such-folder");
        assertThat(console.packaged()).isFalse();
        Javalin app = serve(console);
        try {
            var r = get(app, "/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("voxloop", "/health");
        } finally {
            app.stop();
        }
    }
}
