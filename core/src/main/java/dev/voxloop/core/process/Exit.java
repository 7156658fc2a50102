package dev.voxloop.core.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What came of a {@link Command}: its exit code ({@link #TIMED_OUT} when the time limit ran out and the process
 * was killed), the captured output and how long it took. Output beyond the command's limit is cut from the front,
 * so the end (where errors usually are) is kept.
 *
 * @param stdout standard output, or standard output and error together when the command merged them
 * @param stderr standard error; empty when merged or discarded
 */
public record Exit(int code, byte[] stdout, byte[] stderr, boolean timedOut, Duration took) {

    /** The exit code reported for a command that ran out of time. */
    public static final int TIMED_OUT = -1;

    /** True when the process finished in time with exit code 0. */
    public boolean ok() {
        return code == 0 && !timedOut;
    }

    public String output() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String errors() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
