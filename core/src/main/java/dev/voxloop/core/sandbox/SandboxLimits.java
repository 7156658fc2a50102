package dev.voxloop.core.sandbox;

import java.time.Duration;

/**
 * Hard limits on one sandboxed command.
 *
 * @param wallTime    the command and everything it started are killed after this long
 * @param memoryBytes memory of the whole process tree (a cgroup where the machine allows one, else per process)
 * @param processes   processes and threads at once (stops fork bombs)
 * @param outputBytes combined stdout and stderr kept; the command is stopped when it writes more
 */
public record SandboxLimits(Duration wallTime, long memoryBytes, int processes, long outputBytes) {

    public static final SandboxLimits DEFAULTS = new SandboxLimits(Duration.ofMinutes(15), 4L << 30, 1024,
            4L << 20);

    public SandboxLimits {
        if (wallTime == null || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("wall time must be positive");
        }
        if (memoryBytes < 16L << 20 || processes < 8 || outputBytes < 1024) {
            throw new IllegalArgumentException("limits too small to run anything: " + memoryBytes + " bytes, "
                    + processes + " processes, " + outputBytes + " output bytes");
        }
    }

    public SandboxLimits withWallTime(Duration d) {
        return new SandboxLimits(d, memoryBytes, processes, outputBytes);
    }

    public SandboxLimits withOutputBytes(long bytes) {
        return new SandboxLimits(wallTime, memoryBytes, processes, bytes);
    }
}
