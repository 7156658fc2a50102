package dev.voxloop.app.pipeline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP service (a tracker, a speech or model server) that holds every request until the test releases it, and
 * then gives one fixed answer: a command calling it stays in the middle of a step for as long as the test wants.
 */
final class HeldPeer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private HeldPeer(int status, String json) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    /** Answers every request, once released, with {@code status} and the JSON {@code json}. */
    static HeldPeer answering(int status, String json) throws IOException {
        return new HeldPeer(status, json);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until the first request is being held. */
    void awaitRequest(Duration within) throws InterruptedException {
        if (!arrived.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no request reached " + url() + " within " + within);
        }
    }

    /** Answers the held requests, and every later one at once. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
