package dev.voxloop.core.process;

import java.io.IOException;
import java.io.InputStream;

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
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                append(chunk, n);
            }
        } catch (IOException e) {
            // the pipe closed under us because the process was killed: what was read so far is the output
        }
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
