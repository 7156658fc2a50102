package dev.voxloop.core.event;

/** An event with its position in the append-only log (strictly increasing). */
public record StoredEvent(long seq, PipelineEvent event) {
}
