package dev.voxloop.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.ticket.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerProjectsTest {

    @Test
    void defaultsMatchTheSharedProjectList() throws Exception {
        Path shared = Path.of("../../shared/testdata/intent/projects.json");
        if (!Files.exists(shared)) {
            shared = Path.of("../shared/testdata/intent/projects.json");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "shared test data not beside the repo");
        List<Map<String, String>> expected = new ObjectMapper().readValue(shared.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });

        assertThat(TrackerProjects.DEFAULTS).extracting(Project::key, Project::name, Project::description)
                .containsExactlyElementsOf(expected.stream().map(m -> org.assertj.core.groups.Tuple.tuple(
                        m.get("key"), m.get("name"), m.get("description"))).toList());
    }

    @Test
    void noConfigurationMeansTheDefaults() {
        assertThat(TrackerProjects.from(ConfigTree.empty())).isEqualTo(TrackerProjects.DEFAULTS);
    }

    @Test
    void configuredProjectsKeepFileOrder() {
        ConfigTree config = new ConfigTree(Map.of("tracker", Map.of("projects", List.of(
                Map.of("key", "web", "name", "Web shop", "description", "The shop", "components", List.of("cart", "ui")),
                Map.of("key", "API")))));

        assertThat(TrackerProjects.from(config)).containsExactly(
                new Project("WEB", "Web shop", "The shop", List.of("cart", "ui")),
                new Project("API", "API", "", List.of()));
    }

    @Test
    void badEntriesNameTheirPath() {
        ConfigTree missing = new ConfigTree(Map.of("tracker", Map.of("projects", List.of(Map.of("name", "x")))));
        ConfigTree twice = new ConfigTree(Map.of("tracker", Map.of("projects", List.of(Map.of("key", "A"),
                Map.of("key", "a")))));
        ConfigTree bad = new ConfigTree(Map.of("tracker", Map.of("projects", List.of(Map.of("key", "A-B")))));

        assertThatThrownBy(() -> TrackerProjects.from(missing)).hasMessageContaining("tracker.projects[0].key");
        assertThatThrownBy(() -> TrackerProjects.from(twice)).hasMessageContaining("tracker.projects[1].key");
        assertThatThrownBy(() -> TrackerProjects.from(bad)).hasMessageContaining("A-B");
    }
}
