package dev.voxloop.core.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** The last {@code limit} bytes of one stream: a buffer that grows up to the limit, then wraps around. */
final class OutputTail {

    private final int limit;
    private byte[] buf;
    private int size;
    private int start;

    OutputTail(int limit) {
        this.limit = Math.max(1, limit);
        this.buf = new byte[Math.min(8192, this.limit)];
    }

    void drain(InputStream in) {
        drain(in, null);
    }

    /** Reads {@code in} to its end, showing each complete line to {@code lines} (if any) until it answers false. */
    void drain(InputStream in, Predicate<String> lines) {
        byte[] chunk = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        Predicate<String> watcher = lines;
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (watcher != null && !split(chunk, n, line, watcher)) {
                    watcher = null;
                }
                append(chunk, n);
            }
        } catch (IOException e) {
            // the pipe closed under us because the process was killed: what was read so far is the output
        }
    }

    /** Hands the complete lines of {@code chunk} to {@code watcher}, keeping a partial one; false when it said stop. */
    private static boolean split(byte[] chunk, int n, ByteArrayOutputStream line, Predicate<String> watcher) {
        for (int i = 0; i < n; i++) {
            if (chunk[i] != '\n') {
                line.write(chunk[i]);
                continue;
            }
            String complete = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!watcher.test(complete)) {
                return false;
            }
        }
        return true;
    }

    private synchronized void append(byte[] chunk, int n) {
        for (int i = 0; i < n; i++) {
            if (size < buf.length) {
                buf[(start + size) % buf.length] = chunk[i];
                size++;
            } else if (buf.length < limit) {
                grow();
                buf[size++] = chunk[i];
            } else {
                buf[start] = chunk[i];
                start = (start + 1) % buf.length;
            }
        }
    }

    private void grow() {
        byte[] bigger = new byte[(int) Math.min(limit, buf.length * 2L)];
        System.arraycopy(bytes(), 0, bigger, 0, size);
        buf = bigger;
        start = 0;
    }

    synchronized byte[] bytes() {
        byte[] out = new byte[size];
        int first = Math.min(size, buf.length - start);
        System.arraycopy(buf, start, out, 0, first);
        System.arraycopy(buf, 0, out, first, size - first);
        return out;
    }
}
