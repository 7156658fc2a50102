package dev.voxloop.forge.ci;

import java.time.Duration;

/**
 * One check the built-in CI runs: a shell command in a fresh clone of the head commit.
 *
 * @param name    the check's name ({@code test}, {@code lint}, {@code ci/build})
 * @param run     a POSIX shell script ({@code sh -c})
 * @param timeout the check is stopped and concluded TIMED_OUT after this
 */
public record CiCommand(String name, String run, Duration timeout) {
}
