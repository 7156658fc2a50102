package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.config.ConfigTree;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The done-when check, through the command's own logic, offline. */
class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path projectsFile() {
        for (String c : List.of("../../shared/testdata/intent/projects.json", "../shared/testdata/intent/projects.json")) {
            if (Files.isRegularFile(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("shared/testdata/intent/projects.json is not beside the repository");
    }

    private static String[] run(ConfigTree config, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ExtractCommand(() -> config, List::of, () -> null,
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void doneWhenABugDraftAndAQuestionOffline() throws Exception {
        String[] r = run(ConfigTree.empty(),
                "Create a bug in StoreIt: checkout crashes on Safari, high priority\nmake it faster\n",
                "--projects", projectsFile().toString(), "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<String> lines = r[1].lines().toList();
        assertThat(lines).hasSize(2);

        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("text").asText()).startsWith("Create a bug in StoreIt");
        assertThat(first.path("project").asText()).isEqualTo("SHOP");
        assertThat(first.path("issue_type").asText()).isEqualTo("Bug");
        assertThat(first.path("priority").asText()).isEqualTo("High");
        assertThat(first.path("clarify").asBoolean()).isFalse();
        assertThat(first.path("questions")).isEmpty();
        assertThat(first.path("summary").asText()).isEqualTo("Checkout crashes on Safari");
        assertThat(first.path("acceptance_criteria").size()).isPositive();
        assertThat(first.path("flags")).isEmpty();

        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.path("clarify").asBoolean()).isTrue();
        assertThat(second.path("project").isNull()).isTrue();
        assertThat(second.path("questions")).hasSize(1);
        assertThat(second.path("questions").get(0).asText()).endsWith("?");
    }

    @Test
    void rulesExtractorAndPlainTextOutput() {
        String[] r = run(ConfigTree.empty(), "In StoreIt, let customers save their cart\n", "--extractor", "rules",
                "--projects", projectsFile().toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("SHOP Story Medium: Let customers save their cart").contains("  - Given ");
    }

    @Test
    void anUnknownExtractorIsAConfigurationErrorNotAStackTrace() {
        String[] r = run(new ConfigTree(Map.of()), "x\n", "--extractor", "gpt9");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("intent.extractor").doesNotContain("Exception");
    }
}
