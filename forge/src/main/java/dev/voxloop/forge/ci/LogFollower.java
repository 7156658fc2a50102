package dev.voxloop.forge.ci;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a file a sandboxed command writes its output to and hands each new piece to {@code log} (every
 * {@value #POLL_MILLIS} ms, and once more when closed), decoding UTF-8 across the pieces' boundaries.
 */
final class LogFollower implements AutoCloseable {

    static final long POLL_MILLIS = 200;

    private final Path file;
    private final Consumer<String> log;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private final Thread thread;
    private volatile boolean done;
    private long offset;

    private LogFollower(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
        this.thread = Thread.ofVirtual().name("ci-log").start(this::follow);
    }

    static LogFollower start(Path file, Consumer<String> log) {
        return new LogFollower(file, log);
    }

    private void follow() {
        while (!done) {
            drain();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void drain() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            int n;
            while ((n = in.read(pending.array(), pending.position(), pending.remaining())) > 0) {
                offset += n;
                pending.position(pending.position() + n);
                pending.flip();
                CharBuffer out = CharBuffer.allocate(pending.remaining());
                decoder.decode(pending, out, false);
                pending.compact();
                out.flip();
                if (out.hasRemaining()) {
                    log.accept(out.toString());
                }
            }
        } catch (IOException e) {
            // the file is gone or unreadable: what was read so far is in the log
        }
    }

    /**
     * Stops following after reading what the file holds now. The follower is not interrupted: it may be writing the
     * log to the database, and an interrupted file write closes the database's file.
     */
    @Override
    public void close() throws InterruptedException {
        done = true;
        thread.join();
        drain();
    }

    /** The last {@code max} characters of the file. */
    static String tail(Path file, int max) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - max);
            byte[] b = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
