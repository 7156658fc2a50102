package dev.voxloop.loop.forge;

import dev.voxloop.core.ticket.Ticket;
import java.util.List;

/** The pull request voxloop opens for a ticket: title {@code KEY-1: summary}, body with link, criteria, gates. */
public final class PullRequestText {

    private static final int MAX_TITLE = 72;

    private PullRequestText() {
    }

    public static String title(Ticket t) {
        String title = t.key() + ": " + t.summary().strip().replaceAll("\\s+", " ");
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 3).strip() + "...";
    }

    public static String body(Ticket t, String ticketUrl, String gates, int iterations) {
        StringBuilder sb = new StringBuilder();
        sb.append("Ticket: [").append(t.key()).append("](").append(ticketUrl).append(")\n\n");
        sb.append("## Acceptance criteria\n\n");
        List<String> criteria = t.acceptanceCriteria();
        if (criteria.isEmpty()) {
            sb.append("(none filed)\n");
        }
        for (String c : criteria) {
            sb.append("- [x] ").append(c.strip()).append('\n');
        }
        sb.append("\n## Gates\n\n").append(gates == null || gates.isBlank() ? "passed (see the run)" : gates)
                .append("\n\nMade by voxloop in ").append(iterations).append(" agent turn(s).\n");
        return sb.toString();
    }
}
