package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ADF back into plain text. {@link #sections} splits a body written by {@link AdfDocument} (or by a
 * person in Jira) into the description, the acceptance criteria (bullets after an "Acceptance criteria"
 * heading) and stops at the provenance rule.
 */
final class AdfText {

    record Sections(String description, List<String> acceptanceCriteria) {
    }

    private AdfText() {
    }

    static Sections sections(JsonNode doc) {
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return new Sections("", List.of());
        }
        if (doc.isTextual()) {
            return new Sections(doc.asText(), List.of());
        }
        List<String> description = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        boolean inCriteria = false;
        for (JsonNode block : doc.path("content")) {
            String type = block.path("type").asText();
            if ("rule".equals(type)) {
                break;
            }
            if ("heading".equals(type)) {
                inCriteria = plain(block).strip().equalsIgnoreCase(AdfDocument.AC_HEADING);
                if (!inCriteria) {
                    description.add(plain(block));
                }
                continue;
            }
            if (inCriteria && ("bulletList".equals(type) || "orderedList".equals(type))) {
                for (JsonNode item : block.path("content")) {
                    String t = plain(item).strip();
                    if (!t.isEmpty()) {
                        criteria.add(t);
                    }
                }
                continue;
            }
            if (inCriteria && "codeBlock".equals(type)) {
                for (String line : plain(block).split("\\R")) {
                    if (!line.isBlank()) {
                        criteria.add(line.strip());
                    }
                }
                continue;
            }
            description.add(plain(block));
        }
        return new Sections(String.join("\n\n", description).strip(), criteria);
    }

    /** All text in a node; hard breaks become newlines, blocks are separated by newlines. */
    static String plain(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        append(node, sb);
        return sb.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder sb) {
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> sb.append(node.path("text").asText());
            case "hardBreak" -> sb.append('\n');
            case "mention" -> sb.append(node.path("attrs").path("text").asText());
            case "emoji" -> sb.append(node.path("attrs").path("text").asText());
            default -> {
                int i = 0;
                for (JsonNode child : node.path("content")) {
                    if (i++ > 0 && isBlock(child)) {
                        sb.append('\n');
                    }
                    append(child, sb);
                }
            }
        }
    }

    private static boolean isBlock(JsonNode n) {
        return switch (n.path("type").asText()) {
            case "text", "hardBreak", "mention", "emoji", "inlineCard" -> false;
            default -> true;
        };
    }
}
