package dev.voxloop.loop.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void anUnknownPlaceholderIsRefusedWhenTheTemplateIsMade() {
        assertThatThrownBy(() -> PromptTemplate.of("loop.prompts.first", "Ticket {key}: {instructions}",
                Set.of("key", "instruction")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loop.prompts.first uses unknown placeholder(s) {instructions}; it may use {instruction},"
                        + " {key}");
    }

    @Test
    void valuesAreInsertedOnceAndNeverScannedForPlaceholders() {
        PromptTemplate t = PromptTemplate.of("t", "{key}: {instruction} {\"json\": 1} { }", Set.of("key",
                "instruction"));
        assertThat(t.render(Map.of("key", "TRACK-1", "instruction", "write {key} and $1 literally")))
                .isEqualTo("TRACK-1: write {key} and $1 literally {\"json\": 1} { }");
    }

    @Test
    void aMissingValueIsADefectNotAnEmptyString() {
        PromptTemplate t = PromptTemplate.of("t", "{key}", Set.of("key"));
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no value for {key}");
    }

    @Test
    void theLoopsOwnTemplatesLoadAndAConfiguredOneIsCheckedAgainstItsKey() {
        Prompts p = Prompts.defaults();
        assertThat(p.turn(1, "TRACK-1", "")).contains("ticket TRACK-1").contains("Continue with the task.");
        assertThat(p.turn(2, "TRACK-1", "fix the tests")).startsWith("Ticket TRACK-1, iteration 2.")
                .contains("fix the tests");
        assertThat(p.personInstruction("use tabs")).startsWith("A person adds this instruction").endsWith("use tabs");
        assertThatThrownBy(() -> Prompts.of(null, "Turn {turn}")).isInstanceOf(Problem.class)
                .hasMessageContaining("{turn}").extracting(e -> ((Problem) e).field()).isEqualTo("loop.prompts.next");
    }
}
