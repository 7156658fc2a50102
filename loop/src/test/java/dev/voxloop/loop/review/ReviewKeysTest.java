package dev.voxloop.loop.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.review.Severity;
import dev.voxloop.loop.LoopSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** loop.projects.KEY.review binds as a declared section and gives the project's policy. */
class ReviewKeysTest {

    @Test
    void aProjectsReviewSectionIsItsPolicy() {
        ConfigTree tree = new ConfigTree(Map.of("loop", Map.of("projects", Map.of("TRACK", Map.of("repo", "/tmp/x",
                "review", Map.of("blocking", "critical", "person_approval", "protected", "max_rounds", 3,
                        "protected_paths", List.of("infra/")))))));
        ReviewPolicy p = LoopSettings.from(tree, Path.of("/tmp")).projectEntries().get("TRACK").review().policy();
        assertThat(p.blocking()).isEqualTo(Severity.CRITICAL);
        assertThat(p.personApproval()).isEqualTo(ReviewPolicy.PersonApproval.PROTECTED);
        assertThat(p.maxRounds()).isEqualTo(3);
        assertThat(p.protectedPaths()).containsExactly("infra/");
        assertThat(p.required()).containsExactly("voxloop-rules");
    }
}
