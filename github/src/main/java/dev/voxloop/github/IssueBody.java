package dev.voxloop.github;

import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket as a GitHub issue's markdown body: the description, the acceptance criteria as a task list, where the
 * request came from, and a hidden marker ({@code <!-- voxloop-intake: ID -->}) carrying the intake id that makes
 * the create exactly-once.
 */
final class IssueBody {

    private static final String CRITERIA = "## Acceptance criteria";
    private static final Pattern MARKER = Pattern.compile("<!-- voxloop-intake: ([^ ]+) -->");

    private IssueBody() {
    }

    static String marker(String intakeId) {
        return "<!-- voxloop-intake: " + intakeId + " -->";
    }

    static String render(TicketDraft draft, Provenance provenance) {
        StringBuilder b = new StringBuilder(draft.description());
        if (!draft.acceptanceCriteria().isEmpty()) {
            b.append("\n\n").append(CRITERIA).append('\n');
            draft.acceptanceCriteria().forEach(c -> b.append("- [ ] ").append(c.replace('\n', ' ')).append('\n'));
        }
        b.append("\n---\n").append(provenance.spoken() ? "Spoken" : "Typed").append(" request, ")
                .append(provenance.at()).append(":\n\n> ").append(provenance.said().replace("\n", "\n> "))
                .append("\n\n").append(marker(provenance.intakeId())).append('\n');
        return b.toString();
    }

    static Optional<String> intakeId(String body) {
        Matcher m = MARKER.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String description(String body) {
        String b = body == null ? "" : body;
        int end = b.indexOf(CRITERIA);
        int rule = b.indexOf("\n---\n");
        int cut = end >= 0 ? end : rule >= 0 ? rule : b.length();
        return b.substring(0, cut).strip();
    }

    static List<String> criteria(String body) {
        List<String> out = new ArrayList<>();
        int start = body == null ? -1 : body.indexOf(CRITERIA);
        if (start < 0) {
            return out;
        }
        for (String line : body.substring(start + CRITERIA.length()).lines().toList()) {
            if (line.startsWith("- [ ] ") || line.startsWith("- [x] ")) {
                out.add(line.substring(6).strip());
            } else if (!line.isBlank()) {
                break;
            }
        }
        return out;
    }
}
