package dev.voxloop.tracker.jira;

import java.util.Locale;

/** JQL fragments with values quoted safely (a quote or backslash in a value cannot end the string). */
final class Jql {

    static final String INTAKE_LABEL_PREFIX = "voxloop-intake-";

    private Jql() {
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The label carrying the intake id: lower-case, no spaces (Jira labels may not contain spaces). */
    static String intakeLabel(String intakeId) {
        return INTAKE_LABEL_PREFIX + intakeId.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
    }

    static String byIntake(String intakeId) {
        return "labels = " + quote(intakeLabel(intakeId)) + " ORDER BY created ASC";
    }

    static String newest(String projectKey) {
        String where = projectKey == null || projectKey.isBlank() ? "created IS NOT EMPTY"
                : "project = " + quote(projectKey.strip());
        return where + " ORDER BY created DESC";
    }
}
