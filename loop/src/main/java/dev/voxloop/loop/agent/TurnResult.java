package dev.voxloop.loop.agent;

/**
 * What came back from a turn.
 *
 * @param message       the agent's last words (what it says it did)
 * @param claimsDone    the agent says the work is complete (the orchestrator then runs the gates)
 * @param blockedReason the agent says it cannot go on without a person ({@code <result>BLOCKED: why</result>}),
 *                      or null
 * @param costUsd       cost reported by the agent; negative when it reported tokens only
 * @param failure       why the turn cannot be judged (the agent was unavailable, or ran unguarded), or null
 */
public record TurnResult(String message, boolean claimsDone, String blockedReason, String sessionId,
                         long inputTokens, long outputTokens, double costUsd, String output, TurnFailure failure) {

    public TurnResult(String message, boolean claimsDone, String blockedReason, String sessionId, long inputTokens,
                      long outputTokens, double costUsd, String output) {
        this(message, claimsDone, blockedReason, sessionId, inputTokens, outputTokens, costUsd, output, null);
    }

    public static TurnResult failed(TurnFailure failure, String sessionId, long in, long out, double cost,
                                    String output) {
        return new TurnResult(failure.describe(), false, null, sessionId, in, out, cost, output, failure);
    }

    public static TurnResult done(String message) {
        return new TurnResult(message, true, null, null, 0, 0, 0, "");
    }

    /** Reads {@code <result>BLOCKED: why</result>} (the agent asking for a person) out of an agent's text. */
    public static String blockedIn(String text) {
        if (text == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("<result>\\s*BLOCKED:?\\s*(.*?)</result>", java.util.regex.Pattern.DOTALL)
                .matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
