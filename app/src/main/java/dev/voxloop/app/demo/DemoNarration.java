package dev.voxloop.app.demo;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.review.StoredReview;
import dev.voxloop.core.ticket.Ticket;
import java.io.PrintStream;
import java.util.List;

/**
 * What the demo prints: one line per pipeline event as it happens, and how the run ended (state, the pushed
 * branch, the merge, the ticket's comments, the reviews).
 */
final class DemoNarration {

    private final PrintStream out;

    DemoNarration(PrintStream out) {
        this.out = out;
    }

    void event(PipelineEvent e) {
        out.println(render(e));
    }

    /** The end of the run: {@code sha} is where the run's branch is on the remote (empty: deleted after merge). */
    void ended(LoopRun run, String sha, Ticket ticket, List<StoredReview> reviews) {
        out.println("== run " + run.id() + " ended " + run.state() + " after " + run.iteration()
                + " iteration(s)" + (run.reason() == null ? "" : ": " + run.reason()));
        if (sha != null && !sha.isEmpty()) {
            out.println("   origin has " + run.workspace().branch() + " at " + sha);
        }
        if (run.forge().mergeCommit() != null) {
            out.println("   " + run.workspace().baseBranch() + " is at the squashed merge "
                    + run.forge().mergeCommit() + " of pull request #" + run.forge().pullRequest() + " ("
                    + run.forge().pullRequestUrl() + ")");
        }
        ticket.comments().forEach(c -> out.println("   comment on " + ticket.key() + ": " + c.body()));
        reviews.forEach(r -> out.println("   review round " + r.round() + " by " + r.review().reviewer() + ": "
                + r.review().verdict() + " (" + r.review().findings().size() + " finding(s))"));
    }

    static String render(PipelineEvent e) {
        return switch (e) {
            case PipelineEvent.LoopStageChanged s -> String.format("   [%-9s] %s", s.state(), s.message());
            case PipelineEvent.IterationFinished i -> "   turn " + i.iteration() + ": " + i.summary();
            case PipelineEvent.GateEvaluated g -> "      gate " + g.gate() + ": " + (g.passed() ? "pass" : "FAIL")
                    + (g.gate().equals("tests") ? (g.passed() ? "  (GREEN)" : "  (RED)") : "")
                    + " - " + firstLine(g.detail());
            case PipelineEvent.StuckDetected s -> "   stuck: " + s.pattern() + " x" + s.repeats();
            case PipelineEvent.RunFinished r -> "   run finished: " + r.state();
            case PipelineEvent.LoopStarted l -> "   " + l.worker() + " claimed " + l.ticketKey();
            case PipelineEvent.PullRequestOpened p -> "   pull request #" + p.number() + " opened: " + p.url();
            case PipelineEvent.ChecksFinished c -> "   CI " + (c.passed() ? "green" : "red") + ": " + c.summary();
            case PipelineEvent.HealingStarted h -> "   healing round " + h.round() + ": " + h.failure() + " in "
                    + h.check();
            case PipelineEvent.Merged m -> "   merged as " + m.sha();
            case PipelineEvent.ReviewFinished r -> "   review round " + r.round() + " by " + r.reviewer() + ": "
                    + r.verdict() + " (" + r.findings() + " finding(s), " + r.blocking() + " blocking)";
            default -> "   " + e.type();
        };
    }

    private static String firstLine(String s) {
        String l = s == null ? "" : s.lines().findFirst().orElse("");
        return l.length() > 120 ? l.substring(0, 117) + "..." : l;
    }
}
