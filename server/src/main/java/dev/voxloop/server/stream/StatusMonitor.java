package dev.voxloop.server.stream;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.server.json.WireShapes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's monitor state (MonitorService), rebuilt from pipeline events, in fixed memory: one entry per node,
 * the last 100 log lines, one task. It answers two questions: what to send a client that connects
 * ({@link #connectSnapshot()}), and what to broadcast for an event ({@link #apply}).
 *
 * <p>Fix for the original's stale snapshot: the connect snapshot carries {@code "snapshot": true} and the
 * {@code seq} it reflects, and once a run has ended (done, error, discarded, expired) its {@code current_node} is
 * null and no node is active, so a (re)connecting client never replays an old "done" as if it just happened.
 * Live snapshots carry {@code "snapshot": false}; {@code last_node} always names the latest node.
 */
final class StatusMonitor {

    static final int MAX_EVENTS = 100;
    static final int MAX_MESSAGE = 200;
    static final int MAX_TITLE = 100;

    private record Node(boolean active, Instant lastActive, String message) {
    }

    private record LogLine(Instant timestamp, String node, String message) {
    }

    private final EnumMap<Stage, Node> nodes = new EnumMap<>(Stage.class);
    private final ArrayDeque<LogLine> log = new ArrayDeque<>();
    private Stage currentNode;
    private boolean runActive;
    private String sessionId;
    private String taskTitle = "Waiting for task...";
    private String taskStatus = "idle";
    private Instant taskStart;
    private long seq;

    StatusMonitor() {
        for (Stage s : Stage.values()) {
            nodes.put(s, new Node(false, null, ""));
        }
    }

    /** What a client gets right after connecting. */
    synchronized Map<String, Object> connectSnapshot() {
        return snapshot(true);
    }

    /** Applies one event; returns the messages to broadcast, in order (possibly none). */
    synchronized List<Map<String, Object>> apply(StoredEvent stored) {
        seq = Math.max(seq, stored.seq());
        List<Map<String, Object>> out = new ArrayList<>(2);
        switch (stored.event()) {
            case PipelineEvent.StageChanged e -> {
                stage(e);
                out.add(snapshot(false));
            }
            case PipelineEvent.TranscriptConfirmationNeeded e -> out.add(typed("transcript_confirmation_needed",
                    stored.seq(), WireShapes.transcriptCheck(e.sessionId(), e.text(), e.confidence(), e.engine(),
                            e.expiresAt())));
            case PipelineEvent.ClarificationNeeded e -> out.add(typed("clarification_needed", stored.seq(),
                    WireShapes.clarification(e.sessionId(), e.clarification(), e.ambiguityScore(), e.partialSummary())));
            case PipelineEvent.PreviewReady e -> out.add(typed("preview_needed", stored.seq(),
                    WireShapes.preview(e.sessionId(), e.transcribedText(), e.draft(), e.ambiguityScore(),
                            e.confidence(), e.flags(), e.gaps())));
            case PipelineEvent.TicketCreated e -> {
                if (e.sessionId() != null && e.sessionId().equals(sessionId)) {
                    taskTitle = truncate(e.summary(), MAX_TITLE);
                    taskStatus = "completed";
                }
            }
            case PipelineEvent.IntakeEnded e -> {
                if (e.sessionId() != null && e.sessionId().equals(sessionId) && runActive) {
                    runActive = false;
                    deactivateAll();
                    if (!"completed".equals(taskStatus)) {
                        taskStatus = e.state().name().toLowerCase(java.util.Locale.ROOT);
                    }
                    out.add(snapshot(false));
                }
            }
            case PipelineEvent.TicketQueued e -> out.add(typed("ticket_queued", stored.seq(),
                    WireShapes.obj("issue_key", e.ticketKey(), "summary", e.summary())));
            case PipelineEvent.LoopStarted e -> out.add(typed("loop_started", stored.seq(),
                    WireShapes.obj("issue_key", e.ticketKey(), "worker", e.worker())));
            case PipelineEvent.LoopCompleted e -> out.add(typed("loop_completed", stored.seq(),
                    WireShapes.obj("issue_key", e.ticketKey(), "success", e.success(), "error", e.error())));
            default -> {
            }
        }
        return out;
    }

    private void stage(PipelineEvent.StageChanged e) {
        boolean ending = e.stage() == Stage.DONE || e.stage() == Stage.ERROR;
        if (!ending && (!runActive || !java.util.Objects.equals(e.sessionId(), sessionId))) {
            sessionId = e.sessionId();
            taskTitle = "Request " + (e.sessionId() == null ? "" : e.sessionId());
            taskStart = e.at();
        }
        if (currentNode != null) {
            Node prev = nodes.get(currentNode);
            nodes.put(currentNode, new Node(false, prev.lastActive(), prev.message()));
        }
        String message = truncate(e.message(), MAX_MESSAGE);
        nodes.put(e.stage(), new Node(true, e.at(), message));
        currentNode = e.stage();
        log.addLast(new LogLine(e.at(), e.stage().wire(), message));
        while (log.size() > MAX_EVENTS) {
            log.removeFirst();
        }
        switch (e.stage()) {
            case DONE -> {
                runActive = false;
                if (!"completed".equals(taskStatus)) {
                    taskStatus = IntakeState.DISCARDED.name().toLowerCase(java.util.Locale.ROOT);
                }
            }
            case ERROR -> {
                runActive = false;
                taskStatus = "error";
            }
            case CLARIFYING, PREVIEWING -> {
                runActive = true;
                taskStatus = "waiting";
            }
            default -> {
                runActive = true;
                taskStatus = "running";
            }
        }
    }

    private void deactivateAll() {
        for (Map.Entry<Stage, Node> n : nodes.entrySet()) {
            n.setValue(new Node(false, n.getValue().lastActive(), n.getValue().message()));
        }
    }

    private Map<String, Object> snapshot(boolean onConnect) {
        boolean showLive = !onConnect || runActive;
        Map<String, Object> nodeMap = new LinkedHashMap<>();
        for (Map.Entry<Stage, Node> n : nodes.entrySet()) {
            Node v = n.getValue();
            nodeMap.put(n.getKey().wire(), WireShapes.obj("active", showLive && v.active(), "last_active",
                    v.lastActive(), "message", v.message()));
        }
        List<Map<String, Object>> events = new ArrayList<>(log.size());
        for (LogLine l : log) {
            events.add(WireShapes.obj("timestamp", l.timestamp(), "node", l.node(), "message", l.message()));
        }
        return WireShapes.obj("type", "status", "snapshot", onConnect, "seq", seq,
                "current_node", showLive && currentNode != null ? currentNode.wire() : null,
                "run_active", runActive, "last_node", currentNode == null ? null : currentNode.wire(),
                "session_id", sessionId, "nodes", nodeMap, "event_log", events,
                "task_info", WireShapes.obj("title", taskTitle, "status", taskStatus, "start_time", taskStart));
    }

    private static Map<String, Object> typed(String type, long seq, Map<String, Object> fields) {
        Map<String, Object> m = WireShapes.obj("type", type);
        m.putAll(fields);
        m.put("seq", seq);
        return m;
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
