package dev.voxloop.core.review;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a finding is about: a closed set. The first seven are what the built-in rules find; the rest are what a
 * model or a person may say.
 */
public enum Category {
    /** A test skipped, disabled, focused away, deleted or emptied; assertions removed or loosened. */
    TEST_WEAKENED("test-weakened"),
    /** A credential in the diff. */
    SECRET("secret"),
    /** Print statements, debugger calls or focused tests left in. */
    DEBUG_LEFTOVER("debug-leftover"),
    /** A dependency added or changed outside the project's allowlist. */
    DEPENDENCY("dependency"),
    /** A file changed that the ticket has nothing to do with. */
    OUT_OF_SCOPE("out-of-scope"),
    /** The diff is over the size limit. */
    TOO_LARGE("too-large"),
    /** An acceptance criterion no named test proves green in CI. */
    UNTRACED_CRITERION("untraced-criterion"),
    /** The code does not do what it should. */
    CORRECTNESS("correctness"),
    /** A weakness an attacker could use. */
    SECURITY("security"),
    /** Naming, structure, duplication: harder to change later. */
    MAINTAINABILITY("maintainability"),
    /** A question or remark that asks for no particular change. */
    QUESTION("question"),
    /** Anything else a person or another bot said. */
    OTHER("other");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The kebab-case name used in JSON, the CLI and the forge. */
    public String id() {
        return id;
    }

    /** By {@link #id()}; anything else is an {@link IllegalArgumentException} naming the choices. */
    public static Category parse(String text) {
        for (Category c : values()) {
            if (c.id.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown finding category '" + text + "' (one of "
                + Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", ")) + ")");
    }
}
