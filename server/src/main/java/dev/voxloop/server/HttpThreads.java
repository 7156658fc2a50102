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
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private HttpThreads() {
    }

    static QueuedThreadPool pool() {
        // Jetty sizes its queues' padding by asking the platform MBean server whether object references are
        // compressed, which starts JMX (a twentieth of a second at start); the answer is only a padding size, so
        // it is given: 16 four-byte references per 64-byte cache line
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        QueuedThreadPool pool = new QueuedThreadPool(MAX, MIN, IDLE_MS);
        pool.setName("voxloop-http");
        pool.setMaxEvictCount(MAX);
        return pool;
    }
}
