package dev.voxloop.server.http.tickets;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * A plain HTML page for one ticket, from the template {@code ticket-page.mustache} beside this class's package in
 * the resources. The template is compiled once, when the class is first used, and a broken file fails with its
 * name; every value from the ticket is HTML-escaped (ticket text is untrusted) by OWASP's encoder, and a
 * placeholder without a value is an error rather than an empty string.
 */
final class TicketPage {

    static final String TEMPLATE = "/dev/voxloop/server/http/tickets/ticket-page.mustache";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final TicketPage PAGE = new TicketPage();

    private final Template template;

    TicketPage() {
        this.template = compile(TEMPLATE);
    }

    static Template compile(String path) {
        Mustache.Compiler compiler = Mustache.compiler().withEscaper(TicketPage::escape).nullValue("")
                .strictSections(true);
        try (InputStream in = TicketPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the page template " + path + " is missing from the build");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return compiler.compile(r);
            }
        } catch (IOException | MustacheException e) {
            throw new IllegalStateException("the page template " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The page for {@code t}. */
    static String render(Ticket t) {
        return PAGE.page(t);
    }

    String page(Ticket t) {
        Map<String, Object> m = new HashMap<>();
        m.put("key", t.key());
        m.put("summary", t.summary());
        m.put("project", t.projectKey());
        m.put("type", t.issueType() == null ? null : t.issueType().label());
        m.put("priority", t.priority() == null ? null : t.priority().label());
        m.put("status", t.status() == null ? null : String.valueOf(t.status()));
        m.put("labels", t.labels());
        m.put("hasParent", t.parentKey() != null);
        m.put("parent", t.parentKey());
        m.put("hasCreated", t.createdAt() != null);
        m.put("created", time(t.createdAt()));
        m.put("description", t.description());
        m.put("hasCriteria", !t.acceptanceCriteria().isEmpty());
        m.put("criteria", t.acceptanceCriteria());
        List<Map<String, Object>> comments = t.comments().stream().map(TicketPage::comment).toList();
        m.put("hasComments", !comments.isEmpty());
        m.put("comments", comments);
        return template.execute(m);
    }

    private static Map<String, Object> comment(Comment c) {
        Map<String, Object> m = new HashMap<>();
        m.put("author", c.author());
        m.put("hasCreated", c.createdAt() != null);
        m.put("created", time(c.createdAt()));
        m.put("body", c.body());
        return m;
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    /** HTML-escaped text for element content and quoted attributes; null becomes empty. */
    static String escape(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
