package dev.voxloop.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.bench.speech.RequestSets;
import dev.voxloop.bench.speech.SpeechBench;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end figure and its account of where agreement was lost, on transcripts written here. */
class EndToEndTest {

    private static final String TYPED = "Low priority: clean up the old log files on the deployment server";

    @Test
    void countsAgreementAndSaysWhichFieldEachMissLost() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var projects = ProjectsFile.read(RequestSets.find("shared/testdata/intent/projects.json"));
        EndToEnd e2e = new EndToEnd(EmbeddedExtractor.rulesOnly(), projects, out, false);

        e2e.report(List.of(
                result("s1", "low priority clean up the old log files on the deployment server", 0),
                result("s2", "but priority clean up the old log files on the deployment server", 1),
                result("s3", null, 12)));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("| offline | dev/voice | 3 | 33.3 % |");
        assertThat(printed).contains("end-to-end misses 2: project differs in 0, type in 0, priority in 1,"
                + " nothing drafted 1; 0 of the misses had a transcript with no word wrong");
    }

    private static SpeechBench.Result result(String name, String heard, int errors) {
        SpeechBench.Clip clip = new SpeechBench.Clip("dev/voice", name, new byte[0], TYPED);
        return new SpeechBench.Result("offline", clip, heard, heard == null ? null : 0.8, 12, errors, 4, 1,
                List.of());
    }
}
