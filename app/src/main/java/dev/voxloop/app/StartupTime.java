package dev.voxloop.app;

import java.time.Duration;
import java.time.Instant;

/** How long ago this process started, for the server's start-up log line ({@code bench/cold-start.sh} prints it). */
final class StartupTime {

    private StartupTime() {
    }

    /** Milliseconds since the process started, or -1 where the platform does not say. */
    static long sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }
}
