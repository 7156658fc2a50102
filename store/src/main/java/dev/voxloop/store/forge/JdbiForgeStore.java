package dev.voxloop.store.forge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.forge.TimelineEntry;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in forge's records (tables from V21__builtin_forge.sql; H2 and PostgreSQL). Pull request numbers come
 * from a per-repository counter locked for the create's transaction; a unique constraint on (repository, open head)
 * keeps one open pull request per head branch even when two creates race.
 */
public final class JdbiForgeStore implements ForgeStore {

    private static final String PR_COLUMNS = "repository, number, title, body, head, head_sha, base, state, url,"
            + " author, merge_commit, created_at, updated_at";
    private static final String CHECK_COLUMNS = "id, head_sha, name, status, conclusion, started_at, completed_at,"
            + " summary, failing_tests, url";

    private final Jdbi jdbi;
    private final Json json = new Json();

    public JdbiForgeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- repositories -------------------------------------------------------------------------------------------

    @Override
    public void addRepository(HostedRepository r) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO forge_repositories (name, default_branch, source,"
                    + " created_at) VALUES (:n, :b, :s, :c)").bind("n", r.name()).bind("b", r.defaultBranch())
                    .bind("s", r.source()).bind("c", Times.stored(r.createdAt())).execute());
        } catch (RuntimeException e) {
            if (Unique.violated(e)) {
                throw Problem.conflict("a repository named " + r.name() + " is already hosted");
            }
            throw e;
        }
    }

    @Override
    public Optional<HostedRepository> repository(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM forge_repositories WHERE name = :n").bind("n", name)
                .map((rs, c) -> repo(rs)).findOne());
    }

    @Override
    public List<HostedRepository> repositories() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM forge_repositories ORDER BY name")
                .map((rs, c) -> repo(rs)).list());
    }

    private static HostedRepository repo(ResultSet rs) throws SQLException {
        return new HostedRepository(rs.getString("name"), rs.getString("default_branch"), rs.getString("source"),
                Times.read(rs, "created_at"));
    }

    // ---- pull requests ------------------------------------------------------------------------------------------

    @Override
    public PullRequest createPullRequest(String repository, PullRequestDraft d, String author, String url,
                                         String headSha, Instant now) {
        Optional<PullRequest> existing = openPullRequest(repository, d.head());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return jdbi.inTransaction(h -> {
                Integer n = h.createQuery("SELECT next_number FROM forge_repositories WHERE name = :r FOR UPDATE")
                        .bind("r", repository).mapTo(Integer.class).findOne()
                        .orElseThrow(() -> Problem.notFound("no hosted repository named " + repository));
                h.createUpdate("UPDATE forge_repositories SET next_number = :n WHERE name = :r").bind("n", n + 1)
                        .bind("r", repository).execute();
                String link = url.replace("{number}", String.valueOf(n));
                h.createUpdate("INSERT INTO forge_pull_requests (" + PR_COLUMNS + ", open_head) VALUES (:repository,"
                                + " :number, :title, :body, :head, :head_sha, :base, 'OPEN', :url, :author, NULL,"
                                + " :now, :now, :head)")
                        .bind("repository", repository).bind("number", n).bind("title", d.title())
                        .bind("body", d.body()).bind("head", d.head()).bind("head_sha", headSha).bind("base", d.base())
                        .bind("url", link).bind("author", author).bind("now", Times.stored(now)).execute();
                return new PullRequest(n, d.title(), d.body(), d.head(), headSha, d.base(), PullRequestState.OPEN,
                        Mergeability.UNKNOWN, link, author, null, Times.stored(now), Times.stored(now));
            });
        } catch (RuntimeException e) {
            if (Unique.violated(e)) {
                return openPullRequest(repository, d.head()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public Optional<PullRequest> pullRequest(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PR_COLUMNS + " FROM forge_pull_requests WHERE"
                        + " repository = :r AND number = :n").bind("r", repository).bind("n", number)
                .map((rs, c) -> pr(rs)).findOne());
    }

    @Override
    public Optional<PullRequest> openPullRequest(String repository, String headBranch) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PR_COLUMNS + " FROM forge_pull_requests WHERE"
                        + " repository = :r AND open_head = :h").bind("r", repository).bind("h", headBranch)
                .map((rs, c) -> pr(rs)).findOne());
    }

    @Override
    public List<PullRequest> pullRequests(String repository, PullRequestState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PR_COLUMNS + " FROM forge_pull_requests WHERE"
                        + " repository = :r" + (state == null ? "" : " AND state = :s") + " ORDER BY number DESC LIMIT :l")
                .bind("r", repository).bind("s", state == null ? null : state.name()).bind("l", limit)
                .map((rs, c) -> pr(rs)).list());
    }

    @Override
    public void updatePullRequest(String repository, PullRequest p) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE forge_pull_requests SET title = :t, body = :b,"
                        + " head_sha = :sha, state = :s, open_head = :oh, merge_commit = :m, updated_at = :u"
                        + " WHERE repository = :r AND number = :n")
                .bind("t", p.title()).bind("b", p.body()).bind("sha", p.headSha()).bind("s", p.state().name())
                .bind("oh", p.open() ? p.head() : null).bind("m", p.mergeCommit())
                .bind("u", Times.stored(p.updatedAt())).bind("r", repository).bind("n", p.number()).execute());
        if (n == 0) {
            throw Problem.notFound("pull request #" + p.number() + " does not exist in " + repository);
        }
    }

    private static PullRequest pr(ResultSet rs) throws SQLException {
        return new PullRequest(rs.getInt("number"), rs.getString("title"), rs.getString("body"), rs.getString("head"),
                rs.getString("head_sha"), rs.getString("base"), PullRequestState.valueOf(rs.getString("state")),
                Mergeability.UNKNOWN, rs.getString("url"), rs.getString("author"), rs.getString("merge_commit"),
                Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
    }

    // ---- timeline, comments, reviews ----------------------------------------------------------------------------

    @Override
    public void addTimeline(String repository, int number, TimelineEntry e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO forge_timeline (repository, number, at, kind, actor, detail)"
                        + " VALUES (:r, :n, :at, :k, :a, :d)").bind("r", repository).bind("n", number)
                .bind("at", Times.stored(e.at())).bind("k", e.kind()).bind("a", e.actor()).bind("d", e.detail())
                .execute());
    }

    @Override
    public List<TimelineEntry> timeline(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, kind, actor, detail FROM forge_timeline WHERE"
                        + " repository = :r AND number = :n ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new TimelineEntry(Times.read(rs, "at"), rs.getString("kind"), rs.getString("actor"),
                        rs.getString("detail"))).list());
    }

    @Override
    public PullRequestComment addComment(String repository, int number, String author, String body, Instant at) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO forge_comments (repository, number, author, body,"
                        + " created_at) VALUES (:r, :n, :a, :b, :c)").bind("r", repository).bind("n", number)
                .bind("a", author).bind("b", body).bind("c", Times.stored(at)).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        return new PullRequestComment(String.valueOf(id), author, body, Times.stored(at));
    }

    @Override
    public List<PullRequestComment> comments(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, author, body, created_at FROM forge_comments WHERE"
                        + " repository = :r AND number = :n ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new PullRequestComment(String.valueOf(rs.getLong("id")), rs.getString("author"),
                        rs.getString("body"), Times.read(rs, "created_at"))).list());
    }

    @Override
    public Review addReview(String repository, int number, Review r) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO forge_reviews (repository, number, author, state,"
                        + " body, commit_sha, submitted_at, comments) VALUES (:r, :n, :a, :s, :b, :c, :at, :cm)")
                .bind("r", repository).bind("n", number).bind("a", r.author()).bind("s", r.state().name())
                .bind("b", r.body()).bind("c", r.commitSha()).bind("at", Times.stored(r.submittedAt()))
                .bind("cm", json.write(r.comments())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Review(String.valueOf(id), r.author(), r.state(), r.body(), r.commitSha(),
                Times.stored(r.submittedAt()), r.comments());
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM forge_reviews WHERE repository = :r AND number = :n"
                        + " ORDER BY id").bind("r", repository).bind("n", number)
                .map((rs, c) -> new Review(String.valueOf(rs.getLong("id")), rs.getString("author"),
                        Review.State.valueOf(rs.getString("state")), rs.getString("body"), rs.getString("commit_sha"),
                        Times.read(rs, "submitted_at"), lineComments(rs.getString("comments")))).list());
    }

    private List<ReviewComment> lineComments(String s) {
        return json.mapper().convertValue(json.read(s, List.class), new TypeReference<List<ReviewComment>>() { });
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    @Override
    public Check addCheck(String repository, Check c) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO forge_checks (repository, head_sha, name, status,"
                        + " conclusion, started_at, completed_at, summary, failing_tests, url) VALUES (:r, :sha, :name,"
                        + " :st, :co, :sa, :ca, :su, :ft, :url)").bind("r", repository).bind("sha", c.headSha())
                .bind("name", c.name()).bind("st", c.status().name())
                .bind("co", c.conclusion() == null ? null : c.conclusion().name())
                .bind("sa", Times.stored(c.startedAt())).bind("ca", Times.stored(c.completedAt()))
                .bind("su", c.summary()).bind("ft", json.writeStrings(c.failingTests())).bind("url", c.url())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        String sid = String.valueOf(id);
        return new Check(sid, c.name(), c.headSha(), c.status(), c.conclusion(), Times.stored(c.startedAt()),
                Times.stored(c.completedAt()), c.summary(), c.failingTests(),
                c.url() == null ? null : c.url().replace("{id}", sid));
    }

    @Override
    public void updateCheck(String repository, Check c) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE forge_checks SET status = :st, conclusion = :co, started_at = :sa,"
                        + " completed_at = :ca, summary = :su, failing_tests = :ft, url = :url WHERE id = :id AND"
                        + " repository = :r").bind("st", c.status().name())
                .bind("co", c.conclusion() == null ? null : c.conclusion().name())
                .bind("sa", Times.stored(c.startedAt())).bind("ca", Times.stored(c.completedAt()))
                .bind("su", c.summary()).bind("ft", json.writeStrings(c.failingTests())).bind("url", c.url())
                .bind("id", Long.parseLong(c.id())).bind("r", repository).execute());
    }

    @Override
    public Optional<Check> check(String repository, String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHECK_COLUMNS + " FROM forge_checks WHERE id = :id AND"
                + " repository = :r").bind("id", n).bind("r", repository).map((rs, c) -> check(rs)).findOne());
    }

    @Override
    public List<Check> checks(String repository, String headSha) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHECK_COLUMNS + " FROM forge_checks WHERE"
                        + " repository = :r AND head_sha = :sha ORDER BY id").bind("r", repository).bind("sha", headSha)
                .map((rs, c) -> check(rs)).list());
    }

    private Check check(ResultSet rs) throws SQLException {
        String conclusion = rs.getString("conclusion");
        return new Check(String.valueOf(rs.getLong("id")), rs.getString("name"), rs.getString("head_sha"),
                Check.Status.valueOf(rs.getString("status")), conclusion == null ? null
                : Check.Conclusion.valueOf(conclusion), Times.read(rs, "started_at"), Times.read(rs, "completed_at"),
                rs.getString("summary"), json.readStrings(rs.getString("failing_tests")), rs.getString("url"));
    }

    @Override
    public void appendLog(String repository, String checkId, String text) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE forge_checks SET log = log || :t WHERE id = :id AND repository = :r")
                .bind("t", text).bind("id", Long.parseLong(checkId)).bind("r", repository).execute());
    }

    @Override
    public String log(String repository, String checkId) {
        long n;
        try {
            n = Long.parseLong(checkId);
        } catch (NumberFormatException e) {
            // check ids are numbers: anything else (a client's guess, a typo) names no check
            throw Problem.notFound("check " + checkId + " does not exist in " + repository);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT log FROM forge_checks WHERE id = :id AND repository = :r")
                .bind("id", n).bind("r", repository).mapTo(String.class).findOne())
                .orElseThrow(() -> Problem.notFound("check " + checkId + " does not exist in " + repository));
    }
}
