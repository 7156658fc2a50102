package dev.voxloop.loop.workspace;

import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.prompt.PromptTemplate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.owasp.encoder.Encode;

/**
 * {@code CURRENT_TASK.md}: the ticket wrapped as untrusted, escaped data; the acceptance criteria as a checklist
 * the agent ticks; the rules; and a progress log the orchestrator appends to after every turn. It lives at the
 * workspace root and is kept out of commits through {@code .git/info/exclude}.
 */
public final class TaskFile {

    public static final String NAME = "CURRENT_TASK.md";
    private static final String AC_HEADING = "## Acceptance Criteria";
    /** The tests named after a criterion: {@code — tests: A.b, C.d} (an em dash or two hyphens). */
    private static final java.util.regex.Pattern TESTS = java.util.regex.Pattern.compile("\\s+(?:—|--)\\s*tests?:\\s*(.+)$");
    /** The file's text, with the rules the agent works under ({@code resources/dev/voxloop/loop/prompt}). */
    private static final PromptTemplate TEMPLATE = PromptTemplate.resource("current-task.md",
            Set.of("key", "type", "branch", "base_branch", "summary", "description", "criteria"));

    private TaskFile() {
    }

    /** The file for a new run: the ticket as escaped data, its criteria unticked, the rules, an empty log. */
    public static String render(Ticket ticket, String branch, String baseBranch, List<String> criteria) {
        StringBuilder list = new StringBuilder();
        for (String c : criteria) {
            list.append("- [ ] ").append(criterionText(c)).append('\n');
        }
        return TEMPLATE.render(Map.of("key", ticket.key(),
                "type", ticket.issueType() == null ? "Task" : ticket.issueType().label(),
                "branch", branch, "base_branch", baseBranch, "summary", escape(ticket.summary()),
                "description", escape(ticket.description()), "criteria", list.toString()));
    }

    /** One line, escaped: what the checklist shows for a criterion. */
    public static String criterionText(String criterion) {
        return escape(criterion.replaceAll("\\s+", " ").strip());
    }

    /** Criterion text (as rendered) to whether it is ticked, in file order. */
    public static Map<String, Boolean> checklist(String content) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        items(content).forEach(i -> out.put(i.criterion(), i.ticked()));
        return out;
    }

    /**
     * Criterion text (as rendered) to the tests the agent names as its proof, in file order: a ticked line reads
     * {@code - [x] criterion — tests: VatTest.testRate, VatTest.testRounding}.
     */
    public static Map<String, List<String>> provenBy(String content) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        items(content).forEach(i -> out.put(i.criterion(), i.tests()));
        return out;
    }

    private record Item(String criterion, boolean ticked, List<String> tests) {
    }

    private static List<Item> items(String content) {
        List<Item> out = new ArrayList<>();
        boolean in = false;
        for (String line : content.split("\n")) {
            if (line.startsWith("## ")) {
                in = line.strip().equals(AC_HEADING);
                continue;
            }
            if (in) {
                String l = line.strip();
                if (l.matches("[-*] \\[[ xX]] .*")) {
                    String text = l.substring(6).strip();
                    List<String> tests = List.of();
                    java.util.regex.Matcher m = TESTS.matcher(text);
                    if (m.find()) {
                        tests = java.util.Arrays.stream(m.group(1).split("[,\\s]+")).map(String::strip)
                                .map(t -> t.replaceAll("^`|`$", "")).filter(t -> !t.isEmpty()).toList();
                        text = text.substring(0, m.start()).strip();
                    }
                    out.add(new Item(text, l.charAt(3) != ' ', tests));
                }
            }
        }
        return out;
    }

    /** Criteria (rendered text) that are missing or not ticked. */
    public static List<String> unchecked(String content, List<String> criteria) {
        Map<String, Boolean> list = checklist(content);
        List<String> out = new ArrayList<>();
        for (String c : criteria) {
            if (!Boolean.TRUE.equals(list.get(criterionText(c)))) {
                out.add(criterionText(c));
            }
        }
        return out;
    }

    /** The file with one more progress-log row (cells escaped and kept on one line). */
    public static String appendLog(String content, int iteration, Instant at, String action, String result) {
        String row = "| " + iteration + " | " + at.truncatedTo(ChronoUnit.SECONDS) + " | " + cell(action) + " | "
                + cell(result) + " |\n";
        return content.endsWith("\n") ? content + row : content + "\n" + row;
    }

    private static String cell(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").replace("|", "\\|").strip();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }

    /** Text as element content ({@code & < >} escaped, OWASP's encoder), so ticket text cannot close its block. */
    public static String escape(String s) {
        return s == null ? "" : Encode.forXmlContent(s);
    }
}
