package dev.voxloop.core.ticket;

import java.util.regex.Pattern;

/**
 * The shape of a ticket key, as Jira and the built-in tracker make them: a project key (a capital letter, then
 * capitals, digits or underscores) and a number, {@code BOOK-12}, at most {@value #MAX_LENGTH} characters.
 * Anything else ({@code ../../etc/passwd}) is not a key and is refused before it is looked up or stored.
 */
public final class TicketKey {

    public static final int MAX_LENGTH = 48;
    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}-[1-9][0-9]{0,8}");

    private TicketKey() {
    }

    public static boolean valid(String key) {
        return key != null && key.length() <= MAX_LENGTH && SHAPE.matcher(key).matches();
    }

    /** The pattern as a JSON-schema/ECMAScript regular expression (for the API document). */
    public static String pattern() {
        return "^" + SHAPE.pattern() + "$";
    }
}
