package dev.voxloop.core.guard;

/**
 * The policy's verdict on one tool call.
 *
 * @param allowed whether the call may run
 * @param rule    short stable name of the rule that denied it ("push-default-branch"), or "ok"
 * @param reason  what the agent is told: why, and what to do instead
 */
public record Decision(boolean allowed, String rule, String reason) {

    public static final Decision ALLOW = new Decision(true, "ok", "allowed by the voxloop tool-use policy");

    public static Decision deny(String rule, String reason) {
        return new Decision(false, rule, reason);
    }
}
