package dev.voxloop.tracker.jira;

import java.time.Duration;

/** Waits between retry attempts. Production sleeps; tests may record and shorten the waits. */
@FunctionalInterface
public interface Pause {

    void pause(Duration d) throws InterruptedException;

    static Pause sleeping() {
        return Thread::sleep;
    }
}
