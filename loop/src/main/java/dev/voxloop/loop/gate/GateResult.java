package dev.voxloop.loop.gate;

import java.util.List;

/**
 * One gate's verdict.
 *
 * @param name         tests, lint, coverage, acceptance, protected-files, tests-not-weakened
 * @param detail       what the agent is told when it failed (capped), or a one-line summary
 * @param failingTests test names that failed (for stuck detection), empty when unknown
 */
public record GateResult(String name, boolean passed, String detail, List<String> failingTests) {

    public GateResult {
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
    }

    public static GateResult pass(String name, String detail) {
        return new GateResult(name, true, detail, List.of());
    }

    public static GateResult fail(String name, String detail) {
        return new GateResult(name, false, detail, List.of());
    }
}
