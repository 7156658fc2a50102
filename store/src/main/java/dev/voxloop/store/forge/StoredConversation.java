package dev.voxloop.store.forge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.forge.TimelineEntry;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What is said about a pull request: its timeline ({@code forge_timeline}), comments ({@code forge_comments}) and
 * reviews ({@code forge_reviews}, their line comments as JSON); each listed in the order it was added.
 */
final class StoredConversation {

    private final Jdbi jdbi;
    private final Json json;

    StoredConversation(Jdbi jdbi, Json json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    void addTimeline(String repository, int number, TimelineEntry e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO forge_timeline (repository, number, at, kind, actor, detail)"
                        + " VALUES (:r, :n, :at, :k, :a, :d)").bind("r", repository).bind("n", number)
                .bind("at", Times.stored(e.at())).bind("k", e.kind()).bind("a", e.actor()).bind("d", e.detail())
                .execute());
    }

    List<TimelineEntry> timeline(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, kind, actor, detail FROM forge_timeline WHERE"
                        + " repository = :r AND number = :n ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new TimelineEntry(Times.read(rs, "at"), rs.getString("kind"), rs.getString("actor"),
                        rs.getString("detail"))).list());
    }

    PullRequestComment addComment(String repository, int number, String author, String body, Instant at) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO forge_comments (repository, number, author, body,"
                        + " created_at) VALUES (:r, :n, :a, :b, :c)").bind("r", repository).bind("n", number)
                .bind("a", author).bind("b", body).bind("c", Times.stored(at)).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        return new PullRequestComment(String.valueOf(id), author, body, Times.stored(at));
    }

    List<PullRequestComment> comments(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, author, body, created_at FROM forge_comments WHERE"
                        + " repository = :r AND number = :n ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new PullRequestComment(String.valueOf(rs.getLong("id")), rs.getString("author"),
                        rs.getString("body"), Times.read(rs, "created_at"))).list());
    }

    Review addReview(String repository, int number, Review r) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO forge_reviews (repository, number, author, state,"
                        + " body, commit_sha, submitted_at, comments) VALUES (:r, :n, :a, :s, :b, :c, :at, :cm)")
                .bind("r", repository).bind("n", number).bind("a", r.author()).bind("s", r.state().name())
                .bind("b", r.body()).bind("c", r.commitSha()).bind("at", Times.stored(r.submittedAt()))
                .bind("cm", json.write(r.comments())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Review(String.valueOf(id), r.author(), r.state(), r.body(), r.commitSha(),
                Times.stored(r.submittedAt()), r.comments());
    }

    List<Review> reviews(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM forge_reviews WHERE repository = :r AND number = :n"
                        + " ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new Review(String.valueOf(rs.getLong("id")), rs.getString("author"),
                        Review.State.valueOf(rs.getString("state")), rs.getString("body"), rs.getString("commit_sha"),
                        Times.read(rs, "submitted_at"), lineComments(rs.getString("comments")))).list());
    }

    private List<ReviewComment> lineComments(String s) {
        return json.mapper().convertValue(json.read(s, List.class), new TypeReference<List<ReviewComment>>() { });
    }
}
