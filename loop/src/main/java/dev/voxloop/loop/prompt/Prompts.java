package dev.voxloop.loop.prompt;

import dev.voxloop.core.problem.Problem;
import java.util.Map;
import java.util.Set;

/**
 * What the loop says to the agent, from templates in {@code resources/dev/voxloop/loop/prompt/}: the first
 * turn's prompt and later turns' (both replaceable through {@code loop.prompts.first|next}), the wrapper around a
 * person's instruction, and the instruction for a turn that has nothing particular to do. Every template is
 * checked when the settings are read, so an unknown placeholder stops start-up with the key to fix.
 */
public final class Prompts {

    /** What a turn prompt may use: the ticket key, the turn number (1-based) and this turn's instruction. */
    public static final Set<String> TURN_PLACEHOLDERS = Set.of("key", "iteration", "instruction");

    private final PromptTemplate first;
    private final PromptTemplate next;
    private final PromptTemplate personInstruction;
    private final String keepGoing;

    private Prompts(PromptTemplate first, PromptTemplate next) {
        this.first = first;
        this.next = next;
        this.personInstruction = PromptTemplate.resource("person-instruction.md", Set.of("message"));
        this.keepGoing = PromptTemplate.resource("continue.md", Set.of()).render(Map.of()).strip();
    }

    public static Prompts defaults() {
        return of(null, null);
    }

    /**
     * @param firstOverride the configured first-turn template ({@code loop.prompts.first}), or null for ours
     * @param nextOverride  the configured later-turn template ({@code loop.prompts.next}), or null for ours
     * @throws Problem INVALID naming the configuration key when a template uses an unknown placeholder
     */
    public static Prompts of(String firstOverride, String nextOverride) {
        return new Prompts(turnTemplate("loop.prompts.first", firstOverride, "first-turn.md"),
                turnTemplate("loop.prompts.next", nextOverride, "next-turn.md"));
    }

    private static PromptTemplate turnTemplate(String key, String configured, String resource) {
        if (configured == null) {
            return PromptTemplate.resource(resource, TURN_PLACEHOLDERS);
        }
        try {
            return PromptTemplate.of(key, configured, TURN_PLACEHOLDERS);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(key, e.getMessage());
        }
    }

    /**
     * The prompt of turn {@code iteration} (1 is the first turn).
     *
     * @param instruction what the agent must do this turn; blank means {@link #keepGoing()}
     */
    public String turn(int iteration, String ticketKey, String instruction) {
        PromptTemplate t = iteration <= 1 ? first : next;
        return t.render(Map.of("key", ticketKey, "iteration", String.valueOf(iteration), "instruction",
                instruction == null || instruction.isBlank() ? keepGoing : instruction));
    }

    /** A person's instruction from the console or API, framed so the task file's rules still win. */
    public String personInstruction(String message) {
        return personInstruction.render(Map.of("message", message == null ? "" : message)).strip();
    }

    /** The instruction of a turn after one that did not claim completion. */
    public String keepGoing() {
        return keepGoing;
    }
}
