package dev.voxloop.server.http.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketPageTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:15:00Z");

    @Test
    void everyValueFromTheTicketIsEscaped() {
        Ticket t = new Ticket("BOOK-1", null, "BOOK", "<script>alert(1)</script>", "a & b \"quoted\" 'single'",
                List.of("<b>bold</b>"), IssueType.BUG, Priority.HIGH, List.of("x<y"), "To Do", null, null, AT, AT,
                List.of(new Comment("<eve>", "</pre><img src=x onerror=alert(1)>", AT)));

        String html = new TicketPage().page(t);

        assertThat(html).doesNotContain("<script>", "<b>bold", "<eve>", "<img")
                .contains("<title>BOOK-1: &lt;script&gt;alert(1)&lt;/script&gt;</title>")
                .contains("<pre class=\"description\">a &amp; b &#34;quoted&#34; &#39;single&#39;</pre>")
                .contains("<li>&lt;b&gt;bold&lt;/b&gt;</li>", "<span class=\"label\">x&lt;y</span>")
                .contains("<dt>Type</dt><dd>Bug</dd>", "<dt>Priority</dt><dd>High</dd>", "<dd>To Do</dd>")
                .contains("<dt>Created</dt><dd>2026-12-05 10:15 UTC</dd>")
                .contains("<strong>&lt;eve&gt;</strong> <small>2026-12-05 10:15 UTC</small>")
                .doesNotContain("<dt>Parent</dt>", "None yet.", "No comments.");
    }

    @Test
    void aBareTicketSaysWhatItLacks() {
        Ticket t = new Ticket("OPS-2", null, "OPS", "Rotate keys", "", List.of(), null, null, List.of(), "To Do",
                "OPS-1", null, null, null, List.of());

        assertThat(new TicketPage().page(t)).contains("<p>None yet.</p>", "<p>No comments.</p>")
                .contains("<dt>Parent</dt><dd>OPS-1</dd>", "<dt>Type</dt><dd></dd>")
                .doesNotContain("<dt>Created</dt>");
    }

    @Test
    void aMissingTemplateStopsStartUpByName() {
        assertThatThrownBy(() -> TicketPage.compile("/dev/voxloop/server/http/tickets/nope.mustache"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope.mustache is missing");
    }
}
