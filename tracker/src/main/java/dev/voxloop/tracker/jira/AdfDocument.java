package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds Atlassian Document Format (ADF) bodies. A ticket body is: the description as paragraphs (blank lines
 * split paragraphs, single newlines become hard breaks), an "Acceptance criteria" heading with a bullet list,
 * then a provenance block after a rule: a "Requested by voice" (or "by text") heading, what was said as a
 * quote, and when plus the intake id.
 */
final class AdfDocument {

    static final String AC_HEADING = "Acceptance criteria";
    static final String PROVENANCE_HEADING_SPOKEN = "Requested by voice";
    static final String PROVENANCE_HEADING_TYPED = "Requested in writing";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AdfDocument() {
    }

    static ObjectNode ticketBody(TicketDraft draft, Provenance provenance) {
        ArrayNode content = F.arrayNode();
        paragraphs(content, draft.description());
        if (!draft.acceptanceCriteria().isEmpty()) {
            content.add(heading(3, AC_HEADING));
            content.add(bulletList(draft.acceptanceCriteria()));
        }
        if (provenance != null) {
            content.add(F.objectNode().put("type", "rule"));
            content.add(heading(4, provenance.spoken() ? PROVENANCE_HEADING_SPOKEN : PROVENANCE_HEADING_TYPED));
            if (provenance.said() != null && !provenance.said().isBlank()) {
                ArrayNode quote = F.arrayNode();
                paragraphs(quote, provenance.said());
                content.add(F.objectNode().put("type", "blockquote").set("content", quote));
            }
            ArrayNode meta = F.arrayNode();
            if (provenance.at() != null) {
                meta.add(text("Said at " + WHEN.format(provenance.at()), null));
                meta.add(text(" · ", null));
            }
            meta.add(text("Intake ", null));
            meta.add(text(String.valueOf(provenance.intakeId()), "code"));
            if (provenance.spoken()) {
                meta.add(text(" · VOICE_INITIATED", null));
            }
            content.add(paragraphNode(meta));
        }
        if (content.isEmpty()) {
            content.add(paragraph(draft.summary().isBlank() ? "No description provided." : draft.summary()));
        }
        return doc(content);
    }

    /** A comment or any plain text as an ADF document. */
    static ObjectNode plain(String text) {
        ArrayNode content = F.arrayNode();
        paragraphs(content, text);
        if (content.isEmpty()) {
            content.add(paragraph(" "));
        }
        return doc(content);
    }

    private static ObjectNode doc(ArrayNode content) {
        ObjectNode d = F.objectNode();
        d.put("type", "doc");
        d.put("version", 1);
        d.set("content", content);
        return d;
    }

    private static void paragraphs(ArrayNode into, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String para : text.strip().split("\\R\\s*\\R")) {
            ArrayNode inline = F.arrayNode();
            String[] lines = para.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    inline.add(F.objectNode().put("type", "hardBreak"));
                }
                if (!lines[i].isEmpty()) {
                    inline.add(text(lines[i], null));
                }
            }
            into.add(paragraphNode(inline));
        }
    }

    private static ObjectNode paragraph(String text) {
        ArrayNode inline = F.arrayNode();
        inline.add(text(text, null));
        return paragraphNode(inline);
    }

    private static ObjectNode paragraphNode(ArrayNode inline) {
        ObjectNode p = F.objectNode().put("type", "paragraph");
        p.set("content", inline);
        return p;
    }

    private static ObjectNode heading(int level, String text) {
        ObjectNode h = F.objectNode().put("type", "heading");
        h.set("attrs", F.objectNode().put("level", level));
        h.set("content", F.arrayNode().add(text(text, null)));
        return h;
    }

    private static ObjectNode bulletList(List<String> items) {
        ArrayNode list = F.arrayNode();
        for (String item : items) {
            ObjectNode li = F.objectNode().put("type", "listItem");
            li.set("content", F.arrayNode().add(paragraph(item)));
            list.add(li);
        }
        ObjectNode b = F.objectNode().put("type", "bulletList");
        b.set("content", list);
        return b;
    }

    private static ObjectNode text(String s, String mark) {
        ObjectNode t = F.objectNode().put("type", "text").put("text", s);
        if (mark != null) {
            t.set("marks", F.arrayNode().add(F.objectNode().put("type", mark)));
        }
        return t;
    }
}
