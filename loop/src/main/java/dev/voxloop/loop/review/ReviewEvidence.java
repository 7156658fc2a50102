package dev.voxloop.loop.review;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.review.ReviewRequest.CriterionTrace;
import dev.voxloop.core.review.ReviewRequest.TestOutcome;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.workspace.TaskFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What proves the ticket's acceptance criteria: the tests the agent named after each ticked criterion in
 * CURRENT_TASK.md, and how each test ended in the CI checks of the head under review (read from the checks' logs).
 */
record ReviewEvidence(List<CriterionTrace> traceability, List<TestOutcome> ci) {

    static ReviewEvidence of(Path workspace, Ticket ticket, List<Check> checks, Function<String, String> logOf) {
        List<CriterionTrace> traces = new ArrayList<>();
        Path task = workspace == null ? null : workspace.resolve(TaskFile.NAME);
        if (task != null && Files.isRegularFile(task)) {
            try {
                Map<String, List<String>> proven = TaskFile.provenBy(Files.readString(task));
                List<String> criteria = ticket.acceptanceCriteria();
                for (int i = 0; i < criteria.size(); i++) {
                    List<String> tests = proven.getOrDefault(TaskFile.criterionText(criteria.get(i)), List.of());
                    if (!tests.isEmpty()) {
                        traces.add(new CriterionTrace(i, tests));
                    }
                }
            } catch (IOException e) {
                // no claims can be read: every criterion shows as untraced, which the review says plainly
            }
        }
        List<TestOutcome> ci = new ArrayList<>();
        for (Check c : checks) {
            if (c.conclusion() != null) {
                ci.addAll(TestLog.outcomes(logOf.apply(c.id())));
            }
        }
        return new ReviewEvidence(traces, ci);
    }
}
