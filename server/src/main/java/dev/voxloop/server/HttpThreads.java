package dev.voxloop.server;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's request threads. Jetty's pool grows under a burst (up to {@value #MAX} threads) and, left at its
 * defaults, gives back one idle thread per minute, so a burst's threads stayed for hours. Here idle threads older
 * than {@value #IDLE_MS} ms all leave together: after the clients go, the count returns to the baseline.
 */
final class HttpThreads {

    static final int MAX = 200;
    static final int MIN = 8;
    static final int IDLE_MS = 10_000;

    private HttpThreads() {
    }

    static QueuedThreadPool pool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX, MIN, IDLE_MS);
        pool.setName("voxloop-http");
        pool.setMaxEvictCount(MAX);
        return pool;
    }
}
