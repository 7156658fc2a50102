package dev.voxloop.store.forge;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.Review;
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
 * keeps one open pull request per head branch even when two creates race. Repositories and pull requests are
 * here; what is said about a pull request is {@link StoredConversation}, CI checks and their logs {@link StoredChecks}.
 */
public final class JdbiForgeStore implements ForgeStore {

    private static final String PR_COLUMNS = "repository, number, title, body, head, head_sha, base, state, url,"
            + " author, merge_commit, created_at, updated_at";

    private final Jdbi jdbi;
    private final StoredConversation conversation;
    private final StoredChecks checks;

    public JdbiForgeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        Json json = new Json();
        this.conversation = new StoredConversation(jdbi, json);
        this.checks = new StoredChecks(jdbi, json);
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
        conversation.addTimeline(repository, number, e);
    }

    @Override
    public List<TimelineEntry> timeline(String repository, int number) {
        return conversation.timeline(repository, number);
    }

    @Override
    public PullRequestComment addComment(String repository, int number, String author, String body, Instant at) {
        return conversation.addComment(repository, number, author, body, at);
    }

    @Override
    public List<PullRequestComment> comments(String repository, int number) {
        return conversation.comments(repository, number);
    }

    @Override
    public Review addReview(String repository, int number, Review r) {
        return conversation.addReview(repository, number, r);
    }

    @Override
    public List<Review> reviews(String repository, int number) {
        return conversation.reviews(repository, number);
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    @Override
    public Check addCheck(String repository, Check c) {
        return checks.add(repository, c);
    }

    @Override
    public void updateCheck(String repository, Check c) {
        checks.update(repository, c);
    }

    @Override
    public Optional<Check> check(String repository, String id) {
        return checks.find(repository, id);
    }

    @Override
    public List<Check> checks(String repository, String headSha) {
        return checks.of(repository, headSha);
    }

    @Override
    public void appendLog(String repository, String checkId, String text) {
        checks.appendLog(repository, checkId, text);
    }

    @Override
    public String log(String repository, String checkId) {
        return checks.log(repository, checkId);
    }
}
