package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusTemplatesTest {

    @Test
    void theShippedFilesLoadAndHoldTheDomain() {
        CorpusTemplates c = CorpusTemplates.load();
        assertThat(c.templates()).hasSizeGreaterThan(50);
        assertThat(c.slots()).containsKeys("type", "priority", "thing", "symptom");
        assertThat(c.slots().get("priority")).contains("high", "low", "critical");
        assertThat(c.projectTemplates()).allMatch(t -> t.contains("{project}"));
    }

    @Test
    void aTemplateNamingAnUnknownSlotIsRefused() {
        assertThatThrownBy(() -> new CorpusTemplates(Map.of("type", List.of("bug")), List.of("a {type} {colour}"),
                List.of())).hasMessageContaining("{colour}");
    }

    @Test
    void anUnusedOrEmptyOrOddSlotIsRefused() {
        assertThatThrownBy(() -> new CorpusTemplates(Map.of("type", List.of("bug"), "spare", List.of("x")),
                List.of("a {type}"), List.of())).hasMessageContaining("[spare] is not used");
        assertThatThrownBy(() -> new CorpusTemplates(Map.of("type", List.of()), List.of("a {type}"), List.of()))
                .hasMessageContaining("no values");
        assertThatThrownBy(() -> new CorpusTemplates(Map.of("type", List.of("Bug!")), List.of("a {type}"),
                List.of())).hasMessageContaining("plain lower-case");
        assertThatThrownBy(() -> new CorpusTemplates(Map.of("type", List.of("bug")), List.of("a {type}"),
                List.of("add a {type}"))).hasMessageContaining("no {project}");
    }
}
