package dev.voxloop.loop.agent;

/**
 * What came back from a turn.
 *
 * @param message       the agent's last words (what it says it did)
 * @param claimsDone    the agent says the work is complete (the orchestrator then runs the gates)
 * @param blockedReason the agent says it cannot go on without a person ({@code <result>BLOCKED: why</result>}),
 *                      or null
 * @param costUsd       cost reported by the agent; negative when it reported tokens only
 */
public record TurnResult(String message, boolean claimsDone, String blockedReason, String sessionId,
                         long inputTokens, long outputTokens, double costUsd, String output) {

    public static TurnResult done(String message) {
        return new TurnResult(message, true, null, null, 0, 0, 0, "");
    }

    /**
     * Reads {@code <result>BLOCKED: why</result>} out of an agent's text: the way an agent says it cannot go on
     * without a person (the prompt and CURRENT_TASK.md tell it so).
     */
    public static String blockedIn(String text) {
        if (text == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("<result>\\s*BLOCKED:?\\s*(.*?)</result>", java.util.regex.Pattern.DOTALL)
                .matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
