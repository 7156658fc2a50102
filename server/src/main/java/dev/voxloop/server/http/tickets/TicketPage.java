package dev.voxloop.server.http.tickets;

import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Ticket;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** A plain HTML page for one ticket; every value from the ticket is escaped (ticket text is untrusted). */
final class TicketPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TicketPage() {
    }

    static String render(Ticket t) {
        StringBuilder h = new StringBuilder(2048);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(t.key())).append(": ").append(esc(t.summary())).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.5;color:#1d1d1f}dt{font-weight:600}dd{margin:0 0 .5rem 0}")
                .append(".meta{display:grid;grid-template-columns:8rem 1fr;gap:.25rem 1rem}")
                .append(".label{background:#eef;border-radius:4px;padding:0 .4rem;margin-right:.3rem}")
                .append("pre{white-space:pre-wrap;font-family:inherit}</style></head><body>\n");
        h.append("<p><a href=\"/\">voxloop</a></p>\n");
        h.append("<h1><span class=\"key\">").append(esc(t.key())).append("</span> ")
                .append("<span class=\"summary\">").append(esc(t.summary())).append("</span></h1>\n");
        h.append("<dl class=\"meta\">");
        row(h, "Key", esc(t.key()));
        row(h, "Project", esc(t.projectKey()));
        row(h, "Type", t.issueType() == null ? "" : esc(t.issueType().label()));
        row(h, "Priority", t.priority() == null ? "" : esc(t.priority().label()));
        row(h, "Status", esc(t.status()));
        StringBuilder labels = new StringBuilder();
        for (String l : t.labels()) {
            labels.append("<span class=\"label\">").append(esc(l)).append("</span>");
        }
        row(h, "Labels", labels.toString());
        if (t.parentKey() != null) {
            row(h, "Parent", esc(t.parentKey()));
        }
        if (t.createdAt() != null) {
            row(h, "Created", esc(TIME.format(t.createdAt())));
        }
        h.append("</dl>\n");
        h.append("<h2>Description</h2>\n<pre class=\"description\">").append(esc(t.description())).append("</pre>\n");
        h.append("<h2>Acceptance criteria</h2>\n");
        if (t.acceptanceCriteria().isEmpty()) {
            h.append("<p>None yet.</p>\n");
        } else {
            h.append("<ul class=\"criteria\">");
            for (String c : t.acceptanceCriteria()) {
                h.append("<li>").append(esc(c)).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Comments</h2>\n");
        if (t.comments().isEmpty()) {
            h.append("<p>No comments.</p>\n");
        } else {
            h.append("<ol class=\"comments\">");
            for (Comment c : t.comments()) {
                h.append("<li><strong>").append(esc(c.author())).append("</strong>");
                if (c.createdAt() != null) {
                    h.append(" <small>").append(esc(TIME.format(c.createdAt()))).append("</small>");
                }
                h.append("<pre>").append(esc(c.body())).append("</pre></li>");
            }
            h.append("</ol>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, String html) {
        h.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
