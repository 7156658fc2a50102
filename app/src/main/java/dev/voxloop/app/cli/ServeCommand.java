package dev.voxloop.app.cli;

import dev.voxloop.app.Voxloop;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop serve}: the API, the streams and the web console, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API, the WebSocket/SSE streams and the web console (default"
                + " http://127.0.0.1:8000). Stops cleanly on Ctrl-C or SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    private final AppContext context;

    @Option(names = "--port", description = "Port (default: server.port, APP_PORT or 8000; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "Interface to bind (default: server.host, APP_HOST or 127.0.0.1).")
    String host;

    @Option(names = "--workers", description = "Loop workers to run inside the server process (default: loop.workers,"
            + " 1). They take tickets of the projects with a repository; 0 turns them off (run `voxloop worker`).")
    Integer workers;

    public ServeCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        AtomicReference<Voxloop.Running> running = new AtomicReference<>();
        // no new requests, then the workers and housekeeping end, then the database closes; safe to repeat; in place
        // before anything opens
        StopSignals signals = StopSignals.install(() -> {
            Voxloop.Running r = running.get();
            if (r != null) {
                r.stop();
            }
            context.close();
        });
        try {
            Voxloop app = context.serving();
            // read before: the lines below are printed under the start's guard, and a stop holds the context's lock
            // while it waits for that guard
            String data = "  (data: " + context.config().dataDir() + ")";
            // under the start's guard: a stop that began means no more lines claiming to serve
            running.set(app.serve(host, port, workers, url -> {
                System.out.println("voxloop serving on " + url + data);
                System.out.println("speech: " + app.speechSummary());
            }));
        } catch (Voxloop.Stopped e) {
            // stopped while starting: the stop closes what was opened and the process exits
            signals.awaitExit();
            return 0;
        }
        signals.awaitExit();
        return 0;
    }
}
