package dev.voxloop.core.loop;

import java.time.Instant;

/** When a run started, last changed and finished (null until it reaches a terminal state). */
public record RunTiming(Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public static RunTiming startedAt(Instant now) {
        return new RunTiming(now, now, null);
    }

    public RunTiming touched(Instant now) {
        return new RunTiming(startedAt, now, finishedAt);
    }

    public RunTiming finished(Instant now) {
        return new RunTiming(startedAt, now, now);
    }
}
