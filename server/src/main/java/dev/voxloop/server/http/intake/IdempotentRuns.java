package dev.voxloop.server.http.intake;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeIds;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/pipeline/run} with an {@code Idempotency-Key}: the key is claimed (durably) for the new
 * session's id before the intake starts, so a retry with the same key, from a client that saw only a
 * connection error, is answered with that session as it stands now (its question, its preview or its ticket)
 * and files nothing new, also after a restart. The same key with a different body is a 422; a retry that
 * arrives while the first attempt is still working is a 409. A first attempt that fails releases the key.
 */
final class IdempotentRuns {

    static final String HEADER = "Idempotency-Key";
    static final String SCOPE = "pipeline.run";
    /** Keys are remembered this long. */
    static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Intake intake;
    private final IdempotencyKeys keys;
    private final Clock clock;

    IdempotentRuns(Intake intake, IdempotencyKeys keys, Clock clock) {
        this.intake = intake;
        this.keys = keys;
        this.clock = clock;
    }

    /** Validates the header's value: 1 to 255 visible ASCII characters. */
    static String requireKey(String key) {
        if (!SHAPE.matcher(key).matches()) {
            throw Problem.invalid(HEADER, HEADER + " must be 1 to 255 visible ASCII characters (a UUID is best)");
        }
        return key;
    }

    IntakeOutcome run(String key, String text) {
        String fingerprint = HexFormat.of().formatHex(sha256(text));
        String id = IntakeIds.next();
        Instant now = clock.instant();
        IdempotencyKeys.Claim claim = keys.claim(SCOPE, key, fingerprint, id, now, now.minus(KEPT));
        if (!claim.fingerprint().equals(fingerprint)) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, HEADER + " " + key + " was used for a different request",
                    HEADER);
        }
        if (!claim.resourceId().equals(id)) {
            return earlier(claim.resourceId());
        }
        try {
            return intake.submitText(text, false, id);
        } catch (RuntimeException e) {
            if (intake.find(id).isEmpty()) {
                keys.release(SCOPE, key, id);
            }
            throw e;
        }
    }

    /** The first attempt's session as it stands now. */
    private IntakeOutcome earlier(String id) {
        Optional<IntakeSession> found = intake.find(id);
        if (found.isEmpty()) {
            throw Problem.conflict("The first request with this " + HEADER + " is still being processed; retry shortly");
        }
        IntakeSession s = found.get();
        return switch (s.state()) {
            case CONFIRMING -> new IntakeOutcome.NeedsConfirmation(s);
            case CLARIFYING -> new IntakeOutcome.NeedsClarification(s, s.pending());
            case PREVIEWING -> new IntakeOutcome.NeedsApproval(s);
            case CREATED -> new IntakeOutcome.Filed(s, false);
            case DISCARDED -> new IntakeOutcome.Discarded(s);
            case EXPIRED -> throw new Problem(Problem.Kind.GONE, "Session " + id + " expired; please make the request"
                    + " again with a new " + HEADER);
            case FAILED -> throw new Problem(Problem.Kind.UNPROCESSABLE, "The first request with this " + HEADER
                    + " failed: " + s.failure() + "; send it again with a new " + HEADER);
            case RECEIVED, TRANSCRIBING, EXTRACTING, CREATING -> throw Problem.conflict("The first request with "
                    + "this " + HEADER + " is still being processed; retry shortly");
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
