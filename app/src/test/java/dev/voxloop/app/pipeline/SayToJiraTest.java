package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.Main;
import dev.voxloop.tracker.jira.JiraPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue "Jira Cloud" done-when: `voxloop say "..."` with Jira configured files one contract-valid issue. */
class SayToJiraTest {

    @TempDir
    Path dir;

    @Test
    void sayFilesOneIssueInJira() throws Exception {
        try (JiraPeer jira = JiraPeer.start()) {
            Path config = Files.writeString(dir.resolve("voxloop.yaml"), """
                    tracker:
                      kind: jira
                      jira:
                        url: %s
                        email: %s
                        api_token: %s
                    """.formatted(jira.baseUrl(), jira.email(), jira.apiToken()));
            int exit = Main.run("say", "--config", config.toString(), "--data", dir.resolve("data").toString(),
                    "Create a high priority bug in BookIt: the calendar crashes on Safari");
            assertThat(exit).isZero();
            assertThat(jira.issues()).hasSize(1);
            var issue = jira.issues().getFirst();
            assertThat(issue.projectKey()).isEqualTo("BOOK");
            assertThat(issue.issueType()).isEqualTo("Bug");
            assertThat(issue.priority()).isEqualTo("High");
            assertThat(jira.requests("POST", "/rest/api/3/issue")).hasSize(1);
            jira.assertNoViolations();
        }
    }
}
