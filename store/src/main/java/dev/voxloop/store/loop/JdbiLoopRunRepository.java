package dev.voxloop.store.loop;

import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Loop runs, turns and control signals in the database (tables from V10__loop_runs.sql; H2 and PostgreSQL). */
public final class JdbiLoopRunRepository implements LoopRunRepository {

    private static final String FORGE_COLUMNS = "forge_repository, pull_request, pull_request_url, forge_head,"
            + " heal_rounds, check_reruns, last_failure, branch_updates, merge_commit";
    private static final String RUN_COLUMNS = "id, ticket_key, project_key, state, iteration, branch, base_branch,"
            + " base_commit, workspace, owner, agent, agent_session, next_instruction, reason, input_tokens,"
            + " output_tokens, cost_usd, pushed_commit, started_at, updated_at, finished_at, " + FORGE_COLUMNS;
    private static final String NOT_DONE = "state NOT IN ('PUSHED', 'MERGED', 'BLOCKED', 'FAILED', 'ABORTED')";

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
                    + " input_tokens = :input_tokens, output_tokens = :output_tokens, cost_usd = :cost_usd,"
                    + " pushed_commit = :pushed_commit, started_at = :started_at, updated_at = :updated_at,"
                    + " finished_at = :finished_at, forge_repository = :forge_repository, pull_request = :pull_request,"
                    + " pull_request_url = :pull_request_url, forge_head = :forge_head, heal_rounds = :heal_rounds,"
                    + " check_reruns = :check_reruns, last_failure = :last_failure, branch_updates = :branch_updates,"
                    + " merge_commit = :merge_commit WHERE id = :id"), r).execute();
            if (n == 0) {
                bindRun(h.createUpdate("INSERT INTO loop_runs (" + RUN_COLUMNS + ") VALUES (:id, :ticket_key,"
                        + " :project_key, :state, :iteration, :branch, :base_branch, :base_commit, :workspace, :owner,"
                        + " :agent, :agent_session, :next_instruction, :reason, :input_tokens, :output_tokens,"
                        + " :cost_usd, :pushed_commit, :started_at, :updated_at, :finished_at, :forge_repository,"
                        + " :pull_request, :pull_request_url, :forge_head, :heal_rounds, :check_reruns, :last_failure,"
                        + " :branch_updates, :merge_commit)"), r).execute();
            }
        });
    }

    private static org.jdbi.v3.core.statement.Update bindRun(org.jdbi.v3.core.statement.Update u, LoopRun r) {
        return u.bind("id", r.id()).bind("ticket_key", r.ticketKey()).bind("project_key", r.projectKey())
                .bind("state", r.state().name()).bind("iteration", r.iteration()).bind("branch", r.branch())
                .bind("base_branch", r.baseBranch()).bind("base_commit", r.baseCommit())
                .bind("workspace", r.workspace()).bind("owner", r.owner()).bind("agent", r.agent())
                .bind("agent_session", r.agentSession()).bind("next_instruction", r.nextInstruction())
                .bind("reason", r.reason()).bind("input_tokens", r.inputTokens())
                .bind("output_tokens", r.outputTokens()).bind("cost_usd", r.costUsd())
                .bind("pushed_commit", r.pushedCommit()).bind("started_at", odt(r.startedAt()))
                .bind("updated_at", odt(r.updatedAt())).bind("finished_at", odt(r.finishedAt()))
                .bind("forge_repository", r.forge().repository()).bind("pull_request", r.forge().pullRequest())
                .bind("pull_request_url", r.forge().pullRequestUrl()).bind("forge_head", r.forge().head())
                .bind("heal_rounds", r.forge().healRounds()).bind("check_reruns", r.forge().reruns())
                .bind("last_failure", r.forge().lastFailure()).bind("branch_updates", r.forge().updates())
                .bind("merge_commit", r.forge().mergeCommit());
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
        return new LoopRun(rs.getString("id"), rs.getString("ticket_key"), rs.getString("project_key"),
                LoopState.valueOf(rs.getString("state")), rs.getInt("iteration"), rs.getString("branch"),
                rs.getString("base_branch"), rs.getString("base_commit"), rs.getString("workspace"),
                rs.getString("owner"), rs.getString("agent"), rs.getString("agent_session"),
                rs.getString("next_instruction"), rs.getString("reason"), rs.getLong("input_tokens"),
                rs.getLong("output_tokens"), rs.getDouble("cost_usd"), rs.getString("pushed_commit"),
                instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "finished_at"),
                new ForgeProgress(rs.getString("forge_repository"), rs.getInt("pull_request"),
                        rs.getString("pull_request_url"), rs.getString("forge_head"), rs.getInt("heal_rounds"),
                        rs.getInt("check_reruns"), rs.getString("last_failure"), rs.getInt("branch_updates"),
                        rs.getString("merge_commit")));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
