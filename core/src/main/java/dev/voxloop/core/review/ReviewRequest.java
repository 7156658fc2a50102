package dev.voxloop.core.review;

import dev.voxloop.core.ticket.Ticket;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a reviewer is shown.
 *
 * @param change       where the change lives (a pull request, or a local base..head)
 * @param diff         the change as {@code git diff --no-color base head} prints it
 * @param ticket       the ticket the change is for, or null when there is none
 * @param project      facts about the project the rules need (its dependency allowlist)
 * @param traceability which named tests the change says prove each of the ticket's acceptance criteria
 * @param ci           how each test ended in CI on {@code change.headSha()}
 * @param checkout     a working tree of the change that a reviewer may read (never write), or null when there is
 *                     none; only reviewers that read files (Claude Code) use it
 */
public record ReviewRequest(ChangeRef change, String diff, Ticket ticket, ProjectFacts project,
                            List<CriterionTrace> traceability, List<TestOutcome> ci, Path checkout) {

    public ReviewRequest(ChangeRef change, String diff, Ticket ticket, ProjectFacts project,
                         List<CriterionTrace> traceability, List<TestOutcome> ci) {
        this(change, diff, ticket, project, traceability, ci, null);
    }

    /** The same request with a working tree of the change to read. */
    public ReviewRequest readingFrom(Path tree) {
        return new ReviewRequest(change, diff, ticket, project, traceability, ci, tree);
    }

    public ReviewRequest {
        Objects.requireNonNull(change, "change");
        diff = diff == null ? "" : diff;
        project = project == null ? ProjectFacts.NONE : project;
        traceability = traceability == null ? List.of() : List.copyOf(traceability);
        ci = ci == null ? List.of() : List.copyOf(ci);
    }

    /** The acceptance criteria to trace, empty without a ticket. */
    public List<String> criteria() {
        return ticket == null ? List.of() : ticket.acceptanceCriteria();
    }

    /**
     * Where the change lives.
     *
     * @param repository the forge's name for the repository, or the local directory
     * @param number     the pull request's number, 0 for a local diff
     * @param base       the base ref or commit
     * @param headSha    the head commit, or null when unknown
     */
    public record ChangeRef(String repository, int number, String base, String headSha) {

        public static ChangeRef local(String repository, String base, String head) {
            return new ChangeRef(repository, 0, base, head);
        }
    }

    /**
     * @param language            java, javascript, python, go (or null when unknown)
     * @param dependencyAllowlist dependencies the project accepts without a review: {@code group:artifact}, npm
     *                            names, pip names, Go module paths
     */
    public record ProjectFacts(String language, List<String> dependencyAllowlist) {

        public static final ProjectFacts NONE = new ProjectFacts(null, List.of());

        public ProjectFacts {
            dependencyAllowlist = dependencyAllowlist == null ? List.of() : List.copyOf(dependencyAllowlist);
        }
    }

    /** The tests the change names as proof of acceptance criterion {@code criterion} (an index into the ticket's). */
    public record CriterionTrace(int criterion, List<String> tests) {

        public CriterionTrace {
            tests = tests == null ? List.of() : List.copyOf(tests);
        }
    }

    /** One test as CI ran it: {@code se.trackit.InvoiceTest#showsVatLine}. */
    public record TestOutcome(String test, TestResult result) {
    }

    public enum TestResult {
        PASSED, FAILED, SKIPPED
    }
}
