package dev.voxloop.core.forge;

import java.time.Instant;

/**
 * One thing that happened to a pull request on the built-in forge, for its timeline.
 *
 * @param kind   what happened: opened, pushed, checks_started, check_finished, commented, reviewed, healing,
 *               merged, closed, branch_deleted, ...
 * @param actor  who did it (voxloop, a person's name, the CI)
 * @param detail one line a person reads
 */
public record TimelineEntry(Instant at, String kind, String actor, String detail) {
}
