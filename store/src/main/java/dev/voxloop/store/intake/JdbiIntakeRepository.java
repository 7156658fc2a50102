package dev.voxloop.store.intake;

import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.store.Database;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Intake sessions in {@code intake_sessions}. Writes are guarded by {@code version} (optimistic locking):
 * {@link #update} only replaces the row whose version still matches and bumps it by one. Times are stored with
 * microsecond precision; the returned session carries the stored values.
 */
public final class JdbiIntakeRepository implements IntakeRepository {

    private static final String COLUMNS = "id, state, spoken, request_text, heard, questions, answers, extraction, "
            + "pending, gaps, ticket_key, ticket_url, failure, created_at, updated_at, expires_at, version";
    private static final List<String> INTERRUPTED = List.of(IntakeState.RECEIVED.name(),
            IntakeState.TRANSCRIBING.name(), IntakeState.EXTRACTING.name(), IntakeState.CREATING.name());
    private static final List<String> AWAITING = List.of(IntakeState.CONFIRMING.name(),
            IntakeState.CLARIFYING.name(), IntakeState.PREVIEWING.name());

    private final Jdbi jdbi;
    private final Json json;

    public JdbiIntakeRepository(Database database, Json json) {
        this.jdbi = database.jdbi();
        this.json = json;
    }

    public JdbiIntakeRepository(Database database) {
        this(database, new Json());
    }

    @Override
    public IntakeSession insert(IntakeSession session) {
        IntakeSession stored = normalised(session).withVersion(1);
        try {
            jdbi.useHandle(h -> bindAll(h.createUpdate("INSERT INTO intake_sessions (" + COLUMNS + ") VALUES (:id, "
                    + ":state, :spoken, :text, :heard, :questions, :answers, :extraction, :pending, :gaps, :ticketKey, "
                    + ":ticketUrl, :failure, :createdAt, :updatedAt, :expiresAt, :version)"), stored).execute());
        } catch (RuntimeException e) {
            if (Unique.violated(e)) {
                throw Problem.conflict("intake session " + session.id() + " already exists");
            }
            throw e;
        }
        return stored;
    }

    @Override
    public IntakeSession update(IntakeSession session) {
        IntakeSession stored = normalised(session).withVersion(session.version() + 1);
        int rows = jdbi.withHandle(h -> bindAll(h.createUpdate("UPDATE intake_sessions SET state = :state, "
                + "spoken = :spoken, request_text = :text, heard = :heard, questions = :questions, answers = :answers, "
                + "extraction = :extraction, pending = :pending, gaps = :gaps, ticket_key = :ticketKey, "
                + "ticket_url = :ticketUrl, failure = :failure, created_at = :createdAt, updated_at = :updatedAt, "
                + "expires_at = :expiresAt, version = :version WHERE id = :id AND version = :expected"), stored)
                .bind("expected", session.version()).execute());
        if (rows == 1) {
            return stored;
        }
        Optional<Long> current = jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM intake_sessions WHERE id = :id").bind("id", session.id())
                .mapTo(Long.class).findOne());
        if (current.isEmpty()) {
            throw Problem.notFound("intake session " + session.id() + " does not exist");
        }
        throw Problem.conflict("intake session " + session.id() + " was changed by another request (version "
                + session.version() + " is now " + current.get() + "); reload it and try again");
    }

    @Override
    public Optional<IntakeSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM intake_sessions WHERE id = :id")
                .bind("id", id).map(this::row).findOne());
    }

    @Override
    public List<IntakeSession> expiredBefore(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM intake_sessions WHERE state IN "
                        + "(<states>) AND expires_at IS NOT NULL AND expires_at < :now ORDER BY expires_at, id LIMIT :limit")
                .bindList("states", AWAITING).bind("now", now).bind("limit", Math.max(0, limit))
                .map(this::row).list());
    }

    @Override
    public List<IntakeSession> interrupted(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM intake_sessions WHERE state IN "
                        + "(<states>) ORDER BY updated_at, id LIMIT :limit")
                .bindList("states", INTERRUPTED).bind("limit", Math.max(0, limit)).map(this::row).list());
    }

    @Override
    public List<IntakeSession> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM intake_sessions "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", Math.max(0, limit)).map(this::row).list());
    }

    private static IntakeSession normalised(IntakeSession s) {
        if (s.id() == null || s.id().isBlank()) {
            throw Problem.invalid("id", "an intake session needs an id");
        }
        if (s.state() == null) {
            throw Problem.invalid("state", "an intake session needs a state");
        }
        return new IntakeSession(s.id(), s.state(), s.spoken(), s.text(), s.heard(), s.questions(), s.answers(),
                s.extraction(), s.pending(), s.gaps(), s.ticketKey(), s.ticketUrl(), s.failure(),
                Times.stored(s.createdAt()), Times.stored(s.updatedAt()), Times.stored(s.expiresAt()), s.version());
    }

    private <T extends SqlStatement<T>> T bindAll(T stmt, IntakeSession s) {
        return stmt.bind("id", s.id()).bind("state", s.state().name()).bind("spoken", s.spoken())
                .bind("text", s.text()).bind("heard", json.write(s.heard())).bind("questions", json.writeStrings(s.questions()))
                .bind("answers", json.writeStrings(s.answers())).bind("extraction", json.write(s.extraction()))
                .bind("pending", json.write(s.pending())).bind("gaps", json.writeStrings(s.gaps()))
                .bind("ticketKey", s.ticketKey()).bind("ticketUrl", s.ticketUrl()).bind("failure", s.failure())
                .bind("createdAt", s.createdAt()).bind("updatedAt", s.updatedAt())
                .bind("expiresAt", s.expiresAt()).bind("version", s.version());
    }

    private IntakeSession row(ResultSet r, StatementContext ctx) throws SQLException {
        return new IntakeSession(r.getString("id"), IntakeState.valueOf(r.getString("state")),
                r.getBoolean("spoken"), r.getString("request_text"),
                json.read(r.getString("heard"), HeardTranscript.class), json.readStrings(r.getString("questions")),
                json.readStrings(r.getString("answers")), json.read(r.getString("extraction"), Extraction.class),
                json.read(r.getString("pending"), Clarification.class), json.readStrings(r.getString("gaps")),
                r.getString("ticket_key"), r.getString("ticket_url"), r.getString("failure"),
                Times.read(r, "created_at"), Times.read(r, "updated_at"), Times.read(r, "expires_at"), r.getLong("version"));
    }
}
