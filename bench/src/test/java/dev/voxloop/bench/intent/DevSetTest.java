package dev.voxloop.bench.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.intake.ClarificationPolicy;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.intent.TestData;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules alone on the shared dev set: a floor so a rule change that breaks the labelling rules shows up. */
class DevSetTest {

    @Test
    void rulesAloneMeetTheFloorOnTheDevSet() throws Exception {
        IntentBench.Result r = run(EmbeddedExtractor.rulesOnly());
        assertThat(r.priority()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.clarify()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.type()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.project()).isGreaterThanOrEqualTo(0.80);
    }

    /** Loads the 90 MB model and embeds every row: seconds idle, much longer on a shared machine. */
    @Test
    @Tag("slow")
    void rulesWithEmbeddingsMeetTheAimOnTheDevSet() throws Exception {
        IntentBench.Result r = run(EmbeddedExtractor.withEmbeddings(Duration.ofSeconds(60)));
        assertThat(r.priority()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.clarify()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.type()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.project()).isGreaterThanOrEqualTo(0.90);
    }

    private static IntentBench.Result run(EmbeddedExtractor extractor) throws Exception {
        Path dir = TestData.intentDir();
        assumeTrue(dir != null, "shared/testdata/intent is not beside the repository");
        IntentBench bench = new IntentBench(extractor, new ClarificationPolicy(3));
        IntentBench.Result r = bench.run(IntentBench.read(dir.resolve("dev.tsv")),
                ProjectsFile.read(dir.resolve("projects.json")), 0, 1);
        StringBuilder report = new StringBuilder();
        for (IntentBench.Outcome o : r.misses()) {
            report.append(String.format("%s%s%s%s | %s | got %s %s %s clarify=%s | %s%n",
                    o.typeOk() ? "." : "T", o.priorityOk() ? "." : "P", o.projectOk() ? "." : "J",
                    o.clarifyOk() ? "." : "C", o.row().text(), o.extraction().draft().issueType(),
                    o.extraction().draft().priority(), o.extraction().draft().projectKey(), o.clarify(),
                    o.extraction().draft().summary()));
        }
        System.out.printf("type %.2f priority %.2f project %.2f clarify %.2f p50 %.2f ms%n%s", r.type(),
                r.priority(), r.project(), r.clarify(), r.p50Millis(), report);
        return r;
    }
}
