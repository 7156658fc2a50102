package dev.voxloop.tracker.jira;

/**
 * Result of {@link JiraTracker#check()} for {@code voxloop doctor}.
 *
 * @param ok     true when Jira answered {@code /rest/api/3/myself} with the configured credentials
 * @param detail plain words: who we are connected as, or what is wrong (never a token)
 */
public record JiraCheck(boolean ok, String detail) {
}
