package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.Verdict;
import dev.voxloop.forge.review.LocalDiff;
import dev.voxloop.forge.review.ReviewContextFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop review --repo DIR --base REF --head REF [--ticket FILE] [--json]}: the configured reviewers on a
 * local diff. Exit 0 when the review approves or only comments, 1 when it requests changes, 2 for bad input (no
 * such repository, commit or file), 3 when the review could not be made.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review the change between two commits of a local repository (exit 0 approve, 1 changes"
                + " requested, 2 bad input).")
public final class ReviewCommand implements Callable<Integer> {

    static final int CHANGES_REQUESTED = 1;
    static final int BAD_INPUT = 2;
    static final int NOT_REVIEWED = 3;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "A git repository")
    Path repo;

    @Option(names = "--base", required = true, paramLabel = "REF", description = "What the change is against")
    String base;

    @Option(names = "--head", defaultValue = "HEAD", paramLabel = "REF", description = "The change (default HEAD)")
    String head;

    @Option(names = "--ticket", paramLabel = "FILE", description = "JSON: the ticket with its acceptance criteria,"
            + " the project's dependency allowlist, the tests proving each criterion and their CI results"
            + " (docs/review.md)")
    Path ticket;

    @Option(names = "--json", description = "Print the review as JSON")
    boolean json;

    private final Supplier<Reviewer> reviewer;
    private final PrintStream out;
    private final PrintStream err;

    public ReviewCommand(Supplier<Reviewer> reviewer) {
        this(reviewer, System.out, System.err);
    }

    ReviewCommand(Supplier<Reviewer> reviewer, PrintStream out, PrintStream err) {
        this.reviewer = reviewer;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Review review;
        try {
            if (ticket != null && !Files.isRegularFile(ticket)) {
                throw new Problem(Problem.Kind.NOT_FOUND, "--ticket " + ticket + " is not a file");
            }
            ReviewContextFile context = ticket == null ? ReviewContextFile.NONE : ReviewContextFile.read(ticket);
            LocalDiff.Result diff = LocalDiff.between(repo, base, head);
            review = reviewer.get().review(context.request(
                    ReviewRequest.ChangeRef.local(repo.toString(), base, diff.headSha()), diff.diff()));
        } catch (Problem p) {
            err.println("voxloop review: " + p.getMessage());
            return p.kind() == Problem.Kind.INVALID || p.kind() == Problem.Kind.NOT_FOUND ? BAD_INPUT : NOT_REVIEWED;
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asJson(review)));
        } else {
            print(review);
        }
        return review.verdict() == Verdict.REQUEST_CHANGES ? CHANGES_REQUESTED : 0;
    }

    private void print(Review review) {
        out.println(review.reviewer() + ": " + review.verdict() + ". " + review.summary());
        for (Finding f : review.findings()) {
            out.println("  [" + f.severity().id() + "] " + f.category().id() + " " + f.where() + ": " + f.message());
            if (f.suggestion() != null) {
                out.println("      " + f.suggestion());
            }
        }
    }

    /** The review as the CLI's and the API's JSON: snake_case keys, categories and severities by id. */
    static Map<String, Object> asJson(Review review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewer", review.reviewer());
        m.put("verdict", review.verdict().name());
        m.put("summary", review.summary());
        m.put("head", review.headSha());
        List<Map<String, Object>> findings = review.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", f.path());
            x.put("line", f.line());
            x.put("severity", f.severity().id());
            x.put("category", f.category().id());
            x.put("message", f.message());
            x.put("suggestion", f.suggestion());
            x.put("author", f.author());
            x.put("follow_up", f.followUp());
            x.put("fingerprint", f.fingerprint());
            return x;
        }).toList();
        m.put("findings", findings);
        return m;
    }
}
