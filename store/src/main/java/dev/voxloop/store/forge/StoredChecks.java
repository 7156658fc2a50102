package dev.voxloop.store.forge;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The built-in forge's CI checks and their logs ({@code forge_checks}); a check's id is its row's number. */
final class StoredChecks {

    private static final String COLUMNS = "id, head_sha, name, status, conclusion, started_at, completed_at,"
            + " summary, failing_tests, url";

    private final Jdbi jdbi;
    private final Json json;

    StoredChecks(Jdbi jdbi, Json json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** Stores {@code c} under a new id, which replaces {@code {id}} in its URL. */
    Check add(String repository, Check c) {
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

    void update(String repository, Check c) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE forge_checks SET status = :st, conclusion = :co, started_at = :sa,"
                        + " completed_at = :ca, summary = :su, failing_tests = :ft, url = :url WHERE id = :id AND"
                        + " repository = :r").bind("st", c.status().name())
                .bind("co", c.conclusion() == null ? null : c.conclusion().name())
                .bind("sa", Times.stored(c.startedAt())).bind("ca", Times.stored(c.completedAt()))
                .bind("su", c.summary()).bind("ft", json.writeStrings(c.failingTests())).bind("url", c.url())
                .bind("id", Long.parseLong(c.id())).bind("r", repository).execute());
    }

    /** Empty for an id that is not a number: it names no check. */
    Optional<Check> find(String repository, String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM forge_checks WHERE id = :id AND"
                + " repository = :r").bind("id", n).bind("r", repository).map((rs, c) -> check(rs)).findOne());
    }

    /** The checks of one head commit, oldest first. */
    List<Check> of(String repository, String headSha) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM forge_checks WHERE"
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

    void appendLog(String repository, String checkId, String text) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE forge_checks SET log = log || :t WHERE id = :id AND repository = :r")
                .bind("t", text).bind("id", Long.parseLong(checkId)).bind("r", repository).execute());
    }

    String log(String repository, String checkId) {
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
