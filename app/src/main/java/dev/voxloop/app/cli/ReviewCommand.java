package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.ReviewFailure;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.review.Verdict;
import dev.voxloop.forge.review.LocalDiff;
import dev.voxloop.forge.review.ReviewContextFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop review --repo DIR --base REF --head REF [--ticket FILE] [--json]}: the configured reviewers on a
 * local diff (the model reviewer, when configured, after the rules; Claude Code reads the repository's working
 * tree). Verdicts follow the default blocking severity, major. Exit 0 when every review approves or only comments,
 * 1 when one requests changes, 2 for bad input (no such repository, commit or file), 3 when a review could not be
 * made. {@code --json} prints one review as an object, several as an array.
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

    private final Supplier<List<Reviewer>> reviewers;
    private final PrintStream out;
    private final PrintStream err;

    /** @param reviewers the configured reviewers: the built-in rules, and the model reviewer when one is set up */
    public ReviewCommand(Supplier<List<Reviewer>> reviewers) {
        this(reviewers, System.out, System.err);
    }

    ReviewCommand(Supplier<List<Reviewer>> reviewers, PrintStream out, PrintStream err) {
        this.reviewers = reviewers;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ReviewRequest request;
        try {
            if (ticket != null && !Files.isRegularFile(ticket)) {
                throw new Problem(Problem.Kind.NOT_FOUND, "--ticket " + ticket + " is not a file");
            }
            ReviewContextFile context = ticket == null ? ReviewContextFile.NONE : ReviewContextFile.read(ticket);
            LocalDiff.Result diff = LocalDiff.between(repo, base, head);
            request = context.request(ReviewRequest.ChangeRef.local(repo.toString(), base, diff.headSha()),
                    diff.diff()).readingFrom(repo.toAbsolutePath().normalize());
        } catch (Problem p) {
            err.println("voxloop review: " + p.getMessage());
            return p.kind() == Problem.Kind.INVALID || p.kind() == Problem.Kind.NOT_FOUND ? BAD_INPUT : NOT_REVIEWED;
        }
        List<Review> reviews = new ArrayList<>();
        boolean missed = false;
        for (Reviewer r : reviewers.get()) {
            try {
                reviews.add(r.review(request).judgedAt(Severity.MAJOR));
            } catch (ReviewFailure f) {
                err.println("voxloop review: " + f.reviewer() + " gave no review: " + f.getMessage());
                missed = true;
            } catch (Problem p) {
                err.println("voxloop review: " + p.getMessage());
                return p.kind() == Problem.Kind.INVALID ? BAD_INPUT : NOT_REVIEWED;
            }
        }
        if (json) {
            Object out = reviews.size() == 1 ? asJson(reviews.getFirst())
                    : reviews.stream().map(ReviewCommand::asJson).toList();
            this.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            reviews.forEach(this::print);
        }
        return reviews.stream().anyMatch(r -> r.verdict() == Verdict.REQUEST_CHANGES) ? CHANGES_REQUESTED
                : missed ? NOT_REVIEWED : 0;
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
