package dev.voxloop.forge.ci;

import java.util.function.Consumer;

/**
 * Buffers a check's output and hands it to the store in pieces (every 4 KiB, or half a second after the last
 * write), so a running check's log can be read while it grows without one database write per line. Past
 * {@code max} characters only a note is kept: the end of the output is in the check's summary.
 */
final class LogSink implements Consumer<String> {

    private static final int CHUNK = 4096;
    private static final long LINGER_NANOS = 500_000_000L;

    private final Consumer<String> store;
    private final int max;
    private final StringBuilder buffer = new StringBuilder();
    private long written;
    private long lastFlush = System.nanoTime();
    private boolean truncated;

    LogSink(Consumer<String> store, int max) {
        this.store = store;
        this.max = max;
    }

    @Override
    public synchronized void accept(String text) {
        if (truncated) {
            return;
        }
        buffer.append(text);
        if (written + buffer.length() > max) {
            buffer.setLength((int) Math.max(0, max - written));
            buffer.append("\n[log cut at ").append(max / 1024).append(" KiB]\n");
            truncated = true;
            flush();
            return;
        }
        if (buffer.length() >= CHUNK || System.nanoTime() - lastFlush > LINGER_NANOS) {
            flush();
        }
    }

    synchronized void flush() {
        if (!buffer.isEmpty()) {
            store.accept(buffer.toString());
            written += buffer.length();
            buffer.setLength(0);
        }
        lastFlush = System.nanoTime();
    }
}
