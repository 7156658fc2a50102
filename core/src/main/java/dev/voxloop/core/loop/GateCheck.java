package dev.voxloop.core.loop;

import java.nio.file.Path;

/**
 * Port: the loop's gates, as the agent's Stop hook asks for them. The loop module implements it; the verdict
 * the orchestrator records after each turn is the one that counts, the hook only shows the agent the same
 * failures earlier.
 */
public interface GateCheck {

    /** Whether every gate passed, and if not what the agent is told to fix. */
    record Outcome(boolean passed, String feedback) {
    }

    Outcome check(Path workspace, GateConfig gates);
}
