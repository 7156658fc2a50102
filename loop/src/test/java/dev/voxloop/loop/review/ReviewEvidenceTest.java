package dev.voxloop.loop.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.review.ReviewRequest.CriterionTrace;
import dev.voxloop.core.review.ReviewRequest.TestOutcome;
import dev.voxloop.core.review.ReviewRequest.TestResult;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.workspace.TaskFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the traceability table comes from: the agent's named tests in CURRENT_TASK.md and the CI logs. */
class ReviewEvidenceTest {

    @TempDir
    Path ws;

    private static final Ticket TICKET = new Ticket("TRACK-1", null, "TRACK", "VAT", "", List.of(
            "VAT at 25 % is added", "Reduced rates <12 %> are supported", "Amounts are whole öre"),
            IssueType.STORY, null, List.of(), null, null, null, null, null, List.of());

    @Test
    void testLogsInThreeFormatsGiveOutcomes() {
        assertThat(TestLog.outcomes("javac ...\nPASS VatTest.testRate\nFAIL VatTest.testRounding: boom\n"
                + "    --- PASS: TestRefund (0.00s)\n--- SKIP: TestSlow\n"
                + "tests/test_cart.py::test_total PASSED   [ 50%]\n2 passed, 1 failed\n"))
                .containsExactly(new TestOutcome("VatTest.testRate", TestResult.PASSED),
                        new TestOutcome("VatTest.testRounding", TestResult.FAILED),
                        new TestOutcome("TestRefund", TestResult.PASSED),
                        new TestOutcome("TestSlow", TestResult.SKIPPED),
                        new TestOutcome("tests/test_cart.py::test_total", TestResult.PASSED));
        assertThat(TestLog.outcomes("[INFO] BUILD SUCCESS\n")).isEmpty();
    }

    @Test
    void namedTestsComeFromTheTickedChecklist() throws Exception {
        String task = TaskFile.render(TICKET, "feature/TRACK-1", "main", TICKET.acceptanceCriteria())
                .replace("- [ ] VAT at 25 % is added", "- [x] VAT at 25 % is added — tests: VatTest.testRate, `VatTest.testSum`")
                .replace("- [ ] Reduced rates &lt;12 %&gt; are supported", "- [x] Reduced rates &lt;12 %&gt; are supported -- tests: VatTest.testReduced");
        Files.writeString(ws.resolve(TaskFile.NAME), task);
        assertThat(TaskFile.checklist(task)).containsEntry("VAT at 25 % is added", true)
                .containsEntry("Amounts are whole öre", false);
        Check ci = new Check("c1", "test", "abc", Check.Status.COMPLETED, Check.Conclusion.SUCCESS, null, null, "",
                List.of(), null);
        ReviewEvidence e = ReviewEvidence.of(ws, TICKET, List.of(ci), id -> "PASS VatTest.testRate\nPASS VatTest.testSum\n");
        assertThat(e.traceability()).containsExactly(new CriterionTrace(0, List.of("VatTest.testRate", "VatTest.testSum")),
                new CriterionTrace(1, List.of("VatTest.testReduced")));
        assertThat(e.ci()).hasSize(2);

        String table = ReviewText.traceability(TICKET.acceptanceCriteria(), e.traceability(), e.ci());
        assertThat(table).contains("| 1 | VAT at 25 % is added | VatTest.testRate, VatTest.testSum | passed |")
                .contains("| 2 | Reduced rates <12 %> are supported | VatTest.testReduced | not run |")
                .contains("| 3 | Amounts are whole öre | – | no test named |");
        assertThat(ReviewText.withTraceability("Closes TRACK-1.\n\n" + table, "## Traceability\n\nnew"))
                .isEqualTo("Closes TRACK-1.\n\n## Traceability\n\nnew");
    }

    @Test
    void protectedPathsAndCodeOwners() throws Exception {
        assertThat(ProtectedChange.first(List.of("src/a.java", "db/V1__x.sql"), List.of("*.sql"), null))
                .isEqualTo("db/V1__x.sql");
        assertThat(ProtectedChange.first(List.of("src/a.java"), List.of("infra/"), null)).isNull();
        Files.writeString(ws.resolve("CODEOWNERS"), "# owners\n/billing/ @acme/finance\n");
        assertThat(ProtectedChange.first(List.of("src/a.java", "billing/Vat.java"), List.of(), ws))
                .isEqualTo("billing/Vat.java");
        assertThat(ProtectedChange.matches("/docs/", "src/docs/a.md")).isFalse();
    }

    @Test
    void thePolicyIsReadPerProjectWithDefaults() {
        ReviewPolicy p = ReviewPolicy.of(Map.of("TRACK", Map.of("review", Map.of("blocking", "critical",
                "person_approval", "protected", "max_rounds", 3, "protected_paths", List.of("infra/")))), "TRACK");
        assertThat(p.blocking()).isEqualTo(dev.voxloop.core.review.Severity.CRITICAL);
        assertThat(p.personApproval()).isEqualTo(ReviewPolicy.PersonApproval.PROTECTED);
        assertThat(p.maxRounds()).isEqualTo(3);
        assertThat(ReviewPolicy.of(Map.of(), "SHOP")).isEqualTo(ReviewPolicy.DEFAULT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewPolicy.of(Map.of("TRACK", Map.of("review",
                Map.of("person_approval", "sometimes"))), "TRACK")).hasMessageContaining("loop.projects.TRACK.review");
    }
}
