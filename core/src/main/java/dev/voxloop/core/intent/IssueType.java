package dev.voxloop.core.intent;

import java.util.Locale;
import java.util.Optional;

/** The kinds of ticket; {@link #label()} is the tracker's spelling. */
public enum IssueType {
    BUG("Bug", "bugfix"), STORY("Story", "feature"), TASK("Task", "feature"), EPIC("Epic", "feature"),
    SUB_TASK("Sub-task", "feature");

    private final String label;
    private final String branchType;

    IssueType(String label, String branchType) {
        this.label = label;
        this.branchType = branchType;
    }

    public String label() {
        return label;
    }

    /** Branch prefix used by the loop: Bug becomes bugfix, everything else feature. */
    public String branchType() {
        return branchType;
    }

    /** Case-insensitive; accepts "Sub-task", "subtask", "sub_task". */
    public static Optional<IssueType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace("_", "-").replace(" ", "-");
        for (IssueType t : values()) {
            if (t.label.toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(t);
            }
        }
        return "subtask".equals(v) ? Optional.of(SUB_TASK) : Optional.empty();
    }
}
