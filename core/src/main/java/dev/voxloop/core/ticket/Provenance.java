package dev.voxloop.core.ticket;

import java.time.Instant;

/**
 * Where a ticket came from: what was said, when, and the intake that filed it. Trackers render it
 * into the ticket body (Jira: a provenance block in ADF).
 *
 * @param intakeId the intake session id, which is also the idempotency key of the create
 * @param spoken   true when the request was spoken rather than typed
 * @param said     the words as transcribed or typed, with clarification answers
 * @param at       when the request was made
 */
public record Provenance(String intakeId, boolean spoken, String said, Instant at) {
}
