package dev.voxloop.loop.agent;

/**
 * Why a turn produced nothing the orchestrator may judge. The run ends: retrying would only spend budget on the
 * same failure, so the reason (in the agent's own words) and what a person should fix go on the ticket.
 */
public sealed interface TurnFailure {

    /** One line for the run's reason and the ticket comment. */
    String describe();

    /**
     * The agent could not work: not logged in, a rejected key, the model API failing, the CLI missing.
     *
     * @param words the agent's own message
     * @param fix   what a person should do about it
     */
    record AgentUnavailable(String agent, String words, String fix) implements TurnFailure {

        @Override
        public String describe() {
            return agent + " is unavailable: " + words + " (to fix: " + fix + ")";
        }
    }

    /**
     * The turn ran without proof that voxloop's hooks saw its tool calls (hooks missing, erroring, or switched
     * off), so nothing it did is trusted.
     */
    record Unguarded(String agent, String why) implements TurnFailure {

        @Override
        public String describe() {
            return agent + " ran without working voxloop hooks: " + why;
        }
    }
}
