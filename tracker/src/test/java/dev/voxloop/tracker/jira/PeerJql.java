package dev.voxloop.tracker.jira;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of JQL the peer understands: clauses joined by AND, each {@code labels = "x"},
 * {@code project = "X"}, {@code key = X} or {@code created IS NOT EMPTY}, then {@code ORDER BY created ASC|DESC}.
 * Anything else is an error (as Jira answers 400 for JQL it cannot parse).
 */
final class PeerJql {

    private static final Pattern CLAUSE = Pattern.compile(
            "(?i)\\s*(labels|project|key)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z0-9_.-]+))\\s*|\\s*created\\s+is\\s+not\\s+empty\\s*");

    private PeerJql() {
    }

    static List<JiraPeer.PeerIssue> filter(String jql, List<JiraPeer.PeerIssue> all) {
        String where = jql;
        boolean desc = false;
        boolean ordered = false;
        int order = jql.toUpperCase(Locale.ROOT).indexOf("ORDER BY");
        if (order >= 0) {
            where = jql.substring(0, order);
            String spec = jql.substring(order + 8).strip().toLowerCase(Locale.ROOT);
            if (!spec.matches("created( asc| desc)?")) {
                throw new IllegalArgumentException("unsupported ORDER BY " + spec);
            }
            desc = spec.endsWith("desc");
            ordered = true;
        }
        Predicate<JiraPeer.PeerIssue> test = i -> true;
        if (!where.isBlank()) {
            for (String clause : where.split("(?i)\\s+AND\\s+")) {
                Matcher m = CLAUSE.matcher(clause);
                if (!m.matches()) {
                    throw new IllegalArgumentException("unsupported clause '" + clause.strip() + "'");
                }
                if (m.group(1) == null) {
                    continue;
                }
                String field = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
                test = test.and(switch (field) {
                    case "labels" -> i -> i.labels().contains(value);
                    case "project" -> i -> i.projectKey().equalsIgnoreCase(value);
                    default -> i -> i.key().equalsIgnoreCase(value);
                });
            }
        }
        List<JiraPeer.PeerIssue> out = new ArrayList<>(all.stream().filter(test).toList());
        Comparator<JiraPeer.PeerIssue> byCreated = Comparator.comparing(JiraPeer.PeerIssue::created)
                .thenComparing(i -> Integer.parseInt(i.id()));
        out.sort(ordered && desc ? byCreated.reversed() : byCreated);
        return out;
    }
}
