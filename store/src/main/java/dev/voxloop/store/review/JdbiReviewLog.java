package dev.voxloop.store.review;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.core.review.StoredReview;
import dev.voxloop.core.review.Verdict;
import dev.voxloop.store.Database;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reviews in table {@code reviews} (V30__reviews.sql), findings as a JSON array; H2 and PostgreSQL. */
public final class JdbiReviewLog implements ReviewLog {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, run_id, ticket_key, repository, pull_request, head_sha, reviewer,"
            + " review_round, verdict, summary, findings, forge_review_id, created_at";

    private final Jdbi jdbi;
    private final Json json = new Json();
    private final Clock clock;

    public JdbiReviewLog(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public StoredReview record(String runId, String ticketKey, String repository, int pullRequest, int round,
                               Review review) {
        Objects.requireNonNull(review.headSha(), "a kept review names the head it judged");
        return jdbi.inTransaction(h -> {
            Optional<StoredReview> kept = find(runId, review.reviewer(), review.headSha());
            if (kept.isPresent()) {
                return kept.get();
            }
            h.createUpdate("INSERT INTO reviews (run_id, ticket_key, repository, pull_request, head_sha, reviewer,"
                            + " review_round, verdict, summary, findings, created_at) VALUES (:run, :ticket, :repo,"
                            + " :pr, :head, :reviewer, :round, :verdict, :summary, :findings, :at)")
                    .bind("run", runId).bind("ticket", ticketKey).bind("repo", repository).bind("pr", pullRequest)
                    .bind("head", review.headSha()).bind("reviewer", review.reviewer()).bind("round", round)
                    .bind("verdict", review.verdict().name()).bind("summary", clip(review.summary()))
                    .bind("findings", json.write(review.findings())).bind("at", Times.stored(clock.instant()))
                    .execute();
            return find(runId, review.reviewer(), review.headSha()).orElseThrow();
        });
    }

    @Override
    public void posted(long id, String forgeReviewId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE reviews SET forge_review_id = :f WHERE id = :id")
                .bind("f", forgeReviewId).bind("id", id).execute());
    }

    @Override
    public List<StoredReview> forRun(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reviews WHERE run_id = :run ORDER BY id")
                .bind("run", runId).map(this::map).list());
    }

    @Override
    public List<StoredReview> forPullRequest(String repository, int pullRequest) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reviews WHERE repository = :repo AND"
                        + " pull_request = :pr ORDER BY id")
                .bind("repo", repository).bind("pr", pullRequest).map(this::map).list());
    }

    @Override
    public Optional<StoredReview> find(String runId, String reviewer, String headSha) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM reviews WHERE run_id = :run AND"
                        + " reviewer = :reviewer AND head_sha = :head")
                .bind("run", runId).bind("reviewer", reviewer).bind("head", headSha).map(this::map).findOne());
    }

    private StoredReview map(ResultSet rs, StatementContext ctx) throws SQLException {
        List<Finding> findings;
        try {
            findings = json.mapper().readValue(rs.getString("findings"), FINDINGS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("review " + rs.getLong("id") + " holds findings that are not JSON", e);
        }
        Review review = new Review(rs.getString("reviewer"), Verdict.valueOf(rs.getString("verdict")),
                rs.getString("summary"), findings, rs.getString("head_sha"));
        return new StoredReview(rs.getLong("id"), rs.getString("run_id"), rs.getString("ticket_key"),
                rs.getString("repository"), rs.getInt("pull_request"), rs.getInt("review_round"), review,
                rs.getString("forge_review_id"), Times.read(rs, "created_at"));
    }

    private static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
