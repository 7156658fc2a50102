package dev.voxloop.core.loop;

/** The ticket a run works on: its key ({@code TRACK-1}) and the project it belongs to ({@code TRACK}). */
public record TicketRef(String key, String projectKey) {
}
