package dev.voxloop.server;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class DocSamplesPrinter {
    @Test
    void print() throws Exception {
        try (TestServer s = TestServer.start(); WsProbe ws = WsProbe.connect(s, "/ws/status")) {
            p("connect snapshot", ws.next().toPrettyString());
            var r = s.postJson("/api/pipeline/run", "{\"text\": \"Create a high priority bug in BookIt: the calendar crashes on Safari\"}");
            p("run", r.json().toPrettyString());
            String id = r.json().get("session_id").asText();
            r = s.postJson("/api/pipeline/clarify", "{\"session_id\": \"" + id + "\", \"text\": \"It should open the calendar on Safari 17\"}");
            p("clarify", r.json().toPrettyString());
            p("session", s.get("/api/pipeline/sessions/" + id).json().toPrettyString());
            r = s.postJson("/api/pipeline/approve", "{\"session_id\": \"" + id + "\"}");
            p("approve", r.json().toPrettyString());
            Thread.sleep(300);
            StringBuilder all = new StringBuilder();
            ws.messages.forEach(m -> all.append(m.toString()).append('\n'));
            p("ws", all.toString());
            p("extract", s.postJson("/api/extract", "{\"text\": \"Add dark mode to StoreIt\"}").json().toPrettyString());
            p("queue", s.get("/api/loop/queue").json().toPrettyString());
            p("started", s.postJson("/api/loop/started", "{\"key\": \"BOOK-1\"}").json().toPrettyString());
            p("completed", s.postJson("/api/loop/completed", "{\"key\": \"BOOK-1\", \"success\": false, \"error\": \"tests failed\"}").json().toPrettyString());
            p("tickets", s.get("/api/tickets").json().toPrettyString());
            p("ticket", s.get("/api/tickets/BOOK-1").json().toPrettyString());
            p("health", s.get("/health").json().toPrettyString());
            p("err", s.postJson("/api/pipeline/run", "{\"text\": \"x\", \"foo\": 1}").json().toPrettyString());
            p("err2", s.postJson("/api/pipeline/run", "{\"text\": ").json().toPrettyString());
            p("events", s.log.after(0, 3).stream().map(e -> new dev.voxloop.server.json.WireJson().write(e.event())).toList().toString());
            try (SseProbe sse = new SseProbe(s, "/api/events?after=3")) {
                p("sse", sse.next().data().toPrettyString() + "\n" + sse.next().data().toPrettyString());
            }
        }
    }

    static void p(String t, String s) {
        System.out.println("=== " + t + "\n" + s);
    }
}
