package dev.voxloop.intake;

import java.time.Duration;

/**
 * @param requireApproval    read-back preview before creation (default on); off gives the original's direct create
 * @param maxRounds          clarification questions asked at most (3)
 * @param clarifyTimeout     an unanswered question expires after this
 * @param previewTimeout     an unapproved preview expires after this
 * @param autoDispatch       queue the ticket for the loop once created
 * @param defaultProject     project key used when the request names none, or null to ask
 */
public record IntakeSettings(boolean requireApproval, int maxRounds, Duration clarifyTimeout,
                             Duration previewTimeout, boolean autoDispatch, String defaultProject) {

    public static IntakeSettings defaults() {
        return new IntakeSettings(true, 3, Duration.ofMinutes(30), Duration.ofHours(24), true, null);
    }
}
