package dev.voxloop.store.loop;

import dev.voxloop.core.loop.AgentSession;
import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.loop.RunTiming;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.loop.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Loop runs, turns and control signals in the database (tables from V10__loop_runs.sql, the failure kind from
 * V11__loop_run_failure_kind.sql, the forge's progress from V20__loop_run_forge.sql, where review fix turns began
 * from V31__loop_run_review_fix.sql; H2 and PostgreSQL).
 */
public final class JdbiLoopRunRepository implements LoopRunRepository {

    private static final String FORGE_COLUMNS = "forge_repository, pull_request, pull_request_url, forge_head,"
            + " heal_rounds, check_reruns, last_failure, branch_updates, merge_commit, review_fix_from";
    private static final String RUN_COLUMNS = "id, ticket_key, project_key, state, iteration, branch, base_branch,"
            + " base_commit, workspace, owner, agent, agent_session, next_instruction, reason, failure_kind,"
            + " input_tokens, output_tokens, cost_usd, pushed_commit, started_at, updated_at, finished_at, "
            + FORGE_COLUMNS;
    /** States in which a run is still the loop's (the list follows {@link LoopState#loopDone()}). */
    private static final String NOT_DONE = "state NOT IN (" + Arrays.stream(LoopState.values())
            .filter(LoopState::loopDone).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiLoopRunRepository(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    public JdbiLoopRunRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void save(LoopRun r) {
        jdbi.useTransaction(h -> {
            int n = bindRun(h.createUpdate("UPDATE loop_runs SET ticket_key = :ticket_key, project_key = :project_key,"
                    + " state = :state, iteration = :iteration, branch = :branch, base_branch = :base_branch,"
                    + " base_commit = :base_commit, workspace = :workspace, owner = :owner, agent = :agent,"
                    + " agent_session = :agent_session, next_instruction = :next_instruction, reason = :reason,"
                    + " failure_kind = :failure_kind, input_tokens = :input_tokens, output_tokens = :output_tokens,"
                    + " cost_usd = :cost_usd, pushed_commit = :pushed_commit, started_at = :started_at,"
                    + " updated_at = :updated_at, finished_at = :finished_at, forge_repository = :forge_repository,"
                    + " pull_request = :pull_request, pull_request_url = :pull_request_url, forge_head = :forge_head,"
                    + " heal_rounds = :heal_rounds, check_reruns = :check_reruns, last_failure = :last_failure,"
                    + " branch_updates = :branch_updates, merge_commit = :merge_commit,"
                    + " review_fix_from = :review_fix_from"
                    + " WHERE id = :id"), r).execute();
            if (n == 0) {
                bindRun(h.createUpdate("INSERT INTO loop_runs (" + RUN_COLUMNS + ") VALUES (:id, :ticket_key,"
                        + " :project_key, :state, :iteration, :branch, :base_branch, :base_commit, :workspace, :owner,"
                        + " :agent, :agent_session, :next_instruction, :reason, :failure_kind, :input_tokens,"
                        + " :output_tokens, :cost_usd, :pushed_commit, :started_at, :updated_at, :finished_at,"
                        + " :forge_repository, :pull_request, :pull_request_url, :forge_head, :heal_rounds,"
                        + " :check_reruns, :last_failure, :branch_updates, :merge_commit, :review_fix_from)"), r)
                        .execute();
            }
        });
    }

    private static Update bindRun(Update u, LoopRun r) {
        RunWorkspace ws = r.workspace();
        AgentSession a = r.agent();
        Ending e = r.ending();
        ForgeProgress f = r.forge();
        return u.bind("id", r.id()).bind("ticket_key", r.ticket().key()).bind("project_key", r.ticket().projectKey())
                .bind("state", r.state().name()).bind("owner", r.owner())
                .bind("agent", a.agent()).bind("agent_session", a.sessionId()).bind("iteration", a.turns())
                .bind("next_instruction", a.nextInstruction())
                .bind("branch", ws.branch()).bind("base_branch", ws.baseBranch()).bind("base_commit", ws.baseCommit())
                .bind("workspace", ws.path()).bind("pushed_commit", ws.pushedCommit())
                .bind("reason", e == null ? null : e.reason())
                .bind("failure_kind", e == null || e.failure() == null ? null : e.failure().name())
                .bind("input_tokens", r.usage().inputTokens()).bind("output_tokens", r.usage().outputTokens())
                .bind("cost_usd", r.usage().costUsd()).bind("started_at", odt(r.timing().startedAt()))
                .bind("updated_at", odt(r.timing().updatedAt())).bind("finished_at", odt(r.timing().finishedAt()))
                .bind("forge_repository", f.repository()).bind("pull_request", f.pullRequest())
                .bind("pull_request_url", f.pullRequestUrl()).bind("forge_head", f.head())
                .bind("heal_rounds", f.healRounds()).bind("check_reruns", f.reruns())
                .bind("last_failure", f.lastFailure()).bind("branch_updates", f.updates())
                .bind("merge_commit", f.mergeCommit()).bind("review_fix_from", f.fixTurnsFrom());
    }

    @Override
    public Optional<LoopRun> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM loop_runs WHERE id = :id")
                .bind("id", id).map(JdbiLoopRunRepository::run).findOne());
    }

    @Override
    public Optional<LoopRun> findActive(String ticketKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM loop_runs WHERE ticket_key = :k"
                        + " AND " + NOT_DONE + " ORDER BY started_at DESC").bind("k", ticketKey)
                .map(JdbiLoopRunRepository::run).stream().findFirst());
    }

    @Override
    public List<LoopRun> forTicket(String ticketKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM loop_runs WHERE ticket_key = :k"
                + " ORDER BY started_at DESC").bind("k", ticketKey).map(JdbiLoopRunRepository::run).list());
    }

    @Override
    public List<LoopRun> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM loop_runs ORDER BY started_at DESC"
                + " LIMIT :n").bind("n", limit).map(JdbiLoopRunRepository::run).list());
    }

    @Override
    public void addTurn(LoopTurn t) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM loop_turns WHERE run_id = :r AND iteration = :i").bind("r", t.runId())
                    .bind("i", t.iteration()).execute();
            h.createUpdate("INSERT INTO loop_turns (run_id, iteration, started_at, agent_millis, gate_millis,"
                            + " overhead_millis, action, action_hash, result_hash, failing_hash, gates, gates_passed,"
                            + " input_tokens, output_tokens, cost_usd) VALUES (:r, :i, :s, :am, :gm, :om, :a, :ah, :rh,"
                            + " :fh, :g, :gp, :it, :ot, :c)")
                    .bind("r", t.runId()).bind("i", t.iteration()).bind("s", odt(t.startedAt()))
                    .bind("am", t.agentMillis()).bind("gm", t.gateMillis()).bind("om", t.overheadMillis())
                    .bind("a", t.action()).bind("ah", t.actionHash()).bind("rh", t.resultHash())
                    .bind("fh", t.failingHash()).bind("g", t.gates()).bind("gp", t.gatesPassed())
                    .bind("it", t.inputTokens()).bind("ot", t.outputTokens()).bind("c", t.costUsd()).execute();
        });
    }

    @Override
    public List<LoopTurn> turns(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM loop_turns WHERE run_id = :r ORDER BY iteration")
                .bind("r", runId).map((rs, ctx) -> new LoopTurn(rs.getString("run_id"), rs.getInt("iteration"),
                        instant(rs, "started_at"), rs.getLong("agent_millis"), rs.getLong("gate_millis"),
                        rs.getLong("overhead_millis"), rs.getString("action"), rs.getString("action_hash"),
                        rs.getString("result_hash"), rs.getString("failing_hash"), rs.getString("gates"),
                        rs.getBoolean("gates_passed"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        rs.getDouble("cost_usd"))).list());
    }

    @Override
    public ControlSignal signal(String runId, ControlSignal.Kind kind, String message) {
        Instant now = clock.instant();
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO loop_signals (run_id, kind, message, created_at)"
                        + " VALUES (:r, :k, :m, :c)").bind("r", runId).bind("k", kind.name()).bind("m", message)
                .bind("c", odt(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new ControlSignal(id, runId, kind, message, now);
    }

    @Override
    public List<ControlSignal> takeSignals(String runId) {
        return jdbi.inTransaction(h -> {
            List<ControlSignal> pending = h.createQuery("SELECT id, run_id, kind, message, created_at FROM loop_signals"
                            + " WHERE run_id = :r AND delivered_at IS NULL ORDER BY id FOR UPDATE").bind("r", runId)
                    .map((rs, ctx) -> new ControlSignal(rs.getLong("id"), rs.getString("run_id"),
                            ControlSignal.Kind.valueOf(rs.getString("kind")), rs.getString("message"),
                            instant(rs, "created_at"))).list();
            deliver(h, pending);
            return pending;
        });
    }

    private void deliver(Handle h, List<ControlSignal> signals) {
        for (ControlSignal s : signals) {
            h.createUpdate("UPDATE loop_signals SET delivered_at = :d WHERE id = :id").bind("d", odt(clock.instant()))
                    .bind("id", s.id()).execute();
        }
    }

    private static LoopRun run(ResultSet rs, StatementContext ctx) throws SQLException {
        String reason = rs.getString("reason");
        String failure = rs.getString("failure_kind");
        // a run that ended before failure kinds were recorded keeps its reason without a kind
        Ending ending = reason == null && failure == null ? null
                : new Ending(failure == null ? null : FailureKind.valueOf(failure), reason);
        return new LoopRun(rs.getString("id"), new TicketRef(rs.getString("ticket_key"), rs.getString("project_key")),
                LoopState.valueOf(rs.getString("state")), rs.getString("owner"),
                new AgentSession(rs.getString("agent"), rs.getString("agent_session"), rs.getInt("iteration"),
                        rs.getString("next_instruction")),
                new RunWorkspace(rs.getString("workspace"), rs.getString("branch"), rs.getString("base_branch"),
                        rs.getString("base_commit"), rs.getString("pushed_commit")),
                new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getDouble("cost_usd")),
                new ForgeProgress(rs.getString("forge_repository"), rs.getInt("pull_request"),
                        rs.getString("pull_request_url"), rs.getString("forge_head"), rs.getInt("heal_rounds"),
                        rs.getInt("check_reruns"), rs.getString("last_failure"), rs.getInt("branch_updates"),
                        rs.getString("merge_commit"), rs.getInt("review_fix_from")),
                ending, new RunTiming(instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "finished_at")));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
