package dev.voxloop.core.event;

import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that happens, as typed records: stored append-only, streamed to clients, counted in metrics.
 * {@link #type()} is the stable wire name (snake_case of the record name).
 */
public sealed interface PipelineEvent {

    Instant at();

    /** Intake session id or ticket key the event is about (for filtering), may be null. */
    String subject();

    default String type() {
        return wireName(getClass());
    }

    static String wireName(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    // ---- intake -------------------------------------------------------------------------------------------

    record StageChanged(Instant at, String sessionId, Stage stage, String message) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    record ClarificationNeeded(Instant at, String sessionId, Clarification clarification, List<String> questions,
                               double ambiguityScore, String partialSummary, int round) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    record PreviewReady(Instant at, String sessionId, String transcribedText, TicketDraft draft,
                        Map<String, Double> confidence, List<String> flags, List<String> gaps,
                        double ambiguityScore) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    /** The speech engine is unsure of {@code text}: the person is asked to confirm or correct it. */
    record TranscriptConfirmationNeeded(Instant at, String sessionId, String text, Double confidence, String engine,
                                        double confirmBelow, Instant expiresAt) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    /** The person confirmed the heard words ({@code corrected} false) or replaced them with {@code text}. */
    record TranscriptConfirmed(Instant at, String sessionId, String text, boolean corrected) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    record TicketCreated(Instant at, String sessionId, String ticketKey, String ticketUrl, String summary)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record IntakeEnded(Instant at, String sessionId, IntakeState state, String reason) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    record Transcribed(Instant at, String sessionId, String engine, double audioSeconds, double decodeSeconds,
                       String text) implements PipelineEvent {
        public String subject() {
            return sessionId;
        }
    }

    // ---- queue and loop -----------------------------------------------------------------------------------

    record TicketQueued(Instant at, String ticketKey, String summary) implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record LoopStarted(Instant at, String ticketKey, String worker) implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record LoopCompleted(Instant at, String ticketKey, boolean success, String error) implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record LoopStageChanged(Instant at, String runId, String ticketKey, LoopState state, String message)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record IterationFinished(Instant at, String runId, String ticketKey, int iteration, String summary,
                             long inputTokens, long outputTokens) implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record GateEvaluated(Instant at, String runId, String ticketKey, String gate, boolean passed, String detail)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record StuckDetected(Instant at, String runId, String ticketKey, String pattern, int repeats)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record CostUpdated(Instant at, String runId, String ticketKey, double totalUsd, long totalTokens)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    /** A run left the loop in {@code state}; {@code failure} says why when it stopped early (else null). */
    record RunFinished(Instant at, String runId, String ticketKey, LoopState state, FailureKind failure, String reason)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    // ---- sandbox --------------------------------------------------------------------------------------------

    /** A sandboxed command asked voxloop's egress proxy for a host its project does not allow. */
    record EgressRefused(Instant at, String ticketKey, String host, int port, String reason)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    /** A sandboxed command was stopped by one of its limits (wall time, memory, processes, output). */
    record SandboxLimitReached(Instant at, String ticketKey, String command, String reason)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    // ---- forge ----------------------------------------------------------------------------------------------

    record PullRequestOpened(Instant at, String runId, String ticketKey, String url, int number)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record ChecksFinished(Instant at, String runId, String ticketKey, boolean passed, String summary)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    /** A healing round starts: CI failed with {@code failure} (its kind and check), the agent gets a turn. */
    record HealingStarted(Instant at, String runId, String ticketKey, int round, String failure, String check)
            implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }

    record Merged(Instant at, String runId, String ticketKey, String sha) implements PipelineEvent {
        public String subject() {
            return ticketKey;
        }
    }
}
