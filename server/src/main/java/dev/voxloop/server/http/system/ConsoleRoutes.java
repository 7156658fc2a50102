package dev.voxloop.server.http.system;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The web console: static files from the classpath folder {@code public/} at {@code /} when the console is
 * packaged, else a small placeholder page that links to the API.
 */
public final class ConsoleRoutes {

    private static final String PLACEHOLDER = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>voxloop</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
            </head><body>
            <h1>voxloop</h1>
            <p>The server is running. The web console is not packaged in this build.</p>
            <ul>
            <li><a href="/health">/health</a></li>
            <li><a href="/api/tickets">/api/tickets</a></li>
            <li><a href="/api/loop/queue">/api/loop/queue</a></li>
            </ul>
            <p>Try: <code>curl -s -XPOST localhost:8000/api/pipeline/run -H 'content-type: application/json'
            -d '{"text":"Create a high priority bug in BookIt: the calendar crashes on Safari"}'</code></p>
            </body></html>
            """;

    /** Classpath folder the console's build lands in. */
    public static final String FOLDER = "/public";

    private final String folder;
    private final boolean packaged;

    /** @param folder classpath folder holding the console's index.html and assets, e.g. {@link #FOLDER} */
    public ConsoleRoutes(String folder) {
        this.folder = folder;
        this.packaged = ConsoleRoutes.class.getResource(folder + "/index.html") != null;
    }

    public boolean packaged() {
        return packaged;
    }

    public void configure(JavalinConfig cfg) {
        if (packaged) {
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = folder;
                files.location = Location.CLASSPATH;
            });
        }
    }

    public void register(JavalinDefaultRoutingApi routes) {
        if (!packaged) {
            routes.get("/", ctx -> ctx.html(PLACEHOLDER));
        }
    }
}
