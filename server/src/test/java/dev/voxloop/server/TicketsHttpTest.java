package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketsHttpTest extends FreshServerTest {

    void file(String project, String summary, String intake) {
        server.tracker.create(new TicketDraft(summary, "<script>alert(1)</script> & more",
                List.of("It <b>works</b>", "No errors"), IssueType.BUG, Priority.HIGH, project, null,
                List.of("VOICE_INITIATED")), new Provenance(intake, true, summary, Instant.now()));
    }

    @Test
    void listFiltersByProjectAndLimits() {
        file("BOOK", "Calendar crashes", "a1");
        file("STORE", "Cart empties", "a2");
        file("BOOK", "Slow booking", "a3");
        var all = server.get("/api/tickets").json();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("key").asText()).as("newest first").isEqualTo("BOOK-2");
        var book = server.get("/api/tickets?project=BOOK").json();
        assertThat(book).hasSize(2);
        assertThat(server.get("/api/tickets?project=bookit&limit=1").json()).hasSize(1);
        var item = all.get(0);
        for (String f : new String[] {"key", "summary", "status", "issue_type", "priority", "assignee", "labels",
                "url", "project", "created_at"}) {
            assertThat(item.has(f)).as(f).isTrue();
        }
        assertThat(item.get("created_at").asText()).endsWith("Z");
    }

    @Test
    void oneTicketAsJsonAndAsAnEscapedPage() {
        file("BOOK", "Calendar <crashes> & burns", "a1");
        server.tracker.comment("BOOK-1", "Looked at it <img src=x>");
        var t = server.get("/api/tickets/BOOK-1").json();
        assertThat(t.get("summary").asText()).isEqualTo("Calendar <crashes> & burns");
        assertThat(t.get("acceptance_criteria").asText()).isEqualTo("It <b>works</b>\nNo errors");
        assertThat(t.get("comments")).hasSize(1);
        assertThat(t.get("issue_type").asText()).isEqualTo("Bug");

        var page = server.get("/tickets/BOOK-1").body();
        assertThat(page).contains("Calendar &lt;crashes&gt; &amp; burns", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<li>It &lt;b&gt;works&lt;/b&gt;</li>", "<li>No errors</li>", "Looked at it &lt;img src=x&gt;",
                "Bug", "High", "To Do", "VOICE_INITIATED");
        assertThat(page).doesNotContain("<script>", "<img src=x>", "<b>works");
    }

    @Test
    void v2JiraProxyPathsStillAnswer() {
        file("BOOK", "Calendar crashes", "a1");
        file("BOOK", "Slow booking", "a2");
        var list = server.get("/api/jira/issues?project=BOOK&max_results=1").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("key").asText()).isEqualTo("BOOK-2");
        var one = server.get("/api/jira/issue/BOOK-1").json();
        assertThat(one.get("summary").asText()).isEqualTo("Calendar crashes");
        assertThat(one.has("reporter")).isTrue();
        assertThat(server.get("/api/jira/issue/BOOK-9").status()).isEqualTo(404);
    }
    @Test
    void aBrowserOpeningTheTicketUrlGetsTheConsolesTicketViewAndUnknownPagesTheConsole() {
        file("BOOK", "Calendar crashes", "a1");
        String html = "text/html,application/xhtml+xml";

        var ticket = server.get("/tickets/BOOK-1", "Accept", html);
        var unknown = server.get("/loop", "Accept", html);
        var api = server.get("/api/nope", "Accept", html);

        assertThat(ticket.status()).isEqualTo(302);
        assertThat(ticket.raw().headers().firstValue("Location")).hasValue("/#/tickets/BOOK-1");
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(unknown.raw().headers().firstValue("Location")).hasValue("/#/");
        assertThat(api.status()).as("the API stays JSON").isEqualTo(404);
        assertThat(api.json().path("error").asText()).isEqualTo("not_found");
        assertThat(server.get("/tickets/BOOK-1").body()).as("a script still gets the page").contains("Calendar crashes");
    }
}
