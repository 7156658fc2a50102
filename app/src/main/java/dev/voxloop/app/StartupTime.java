package dev.voxloop.app;

/**
 * Milliseconds since {@code main} began, for the server's start-up log line ({@code bench/cold-start.sh} prints
 * it beside the wall time from exec, whose difference is the JVM's own start).
 */
public final class StartupTime {

    private static volatile long began = System.nanoTime();

    private StartupTime() {
    }

    /** Called first thing in {@code main}. */
    public static void begin() {
        began = System.nanoTime();
    }

    static long sinceMain() {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
