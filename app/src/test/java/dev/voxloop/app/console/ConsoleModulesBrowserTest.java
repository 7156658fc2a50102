package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's client modules as the browser loads them from the server: the SSE parser, the reconnect
 * backoff, the stale-event rules of the stream client, the WAV encoder and the response reader.
 */
@Tag("browser")
class ConsoleModulesBrowserTest {

    @TempDir
    static Path work;

    static ConsoleServer server;
    static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed (scripts/system-deps.sh installs them)");
        server = ConsoleServer.start(work.resolve("server"));
        browser = new ConsoleBrowser(work.resolve("browser"));
        browser.open(server.url() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Object run(String body) {
        return browser.script("return (async () => {" + body + "})();");
    }

    @Test
    void sseParserHandlesSplitChunksCommentsAndCrlf() {
        Object out = run("""
                const { SseParser } = await import('/js/events.js');
                const got = [];
                const p = new SseParser(m => got.push(m));
                p.push(': voxloop events\\n\\nid: 7\\ndata: {"seq":7,');
                p.push('"type":"stage_changed"}\\n\\n: keep-alive\\n\\n');
                p.push('id: 8\\r\\nevent: x\\r\\ndata: a\\r\\ndata: b\\r\\n\\r\\n');
                return got;""");
        assertThat(out).isEqualTo(List.of(
                Map.of("id", "7", "event", "message", "data", "{\"seq\":7,\"type\":\"stage_changed\"}"),
                Map.of("id", "8", "event", "x", "data", "a\nb")));
    }

    @Test
    void backoffDoublesFromOneSecondCapsAtThirtyAndAddsJitter() {
        Object out = run("""
                const { backoffDelay } = await import('/js/events.js');
                return [backoffDelay(0, () => 0), backoffDelay(1, () => 0), backoffDelay(3, () => 0),
                        backoffDelay(10, () => 0), backoffDelay(0, () => 0.999), backoffDelay(40, () => 0.999)];""");
        assertThat(out).isEqualTo(List.of(1000L, 2000L, 8000L, 30000L, 1499L, 30499L));
    }

    @Test
    void streamDropsDuplicatesMarksReplayAndResumesAfterLastSeq() {
        Object out = run("""
                const { EventStream } = await import('/js/events.js');
                const urls = [];
                const bodies = [
                  'id: 1\\ndata: {"seq":1,"type":"ticket_created","at":"2020-01-01T00:00:00Z"}\\n\\n'
                    + 'id: 2\\ndata: {"seq":2,"type":"stage_changed","at":"' + new Date(Date.now() + 60000).toISOString() + '"}\\n\\n',
                  'id: 2\\ndata: {"seq":2,"type":"stage_changed","replay":true}\\n\\n'
                    + 'id: 3\\ndata: {"seq":3,"type":"ticket_created","replay":true}\\n\\n'
                    + 'id: 4\\ndata: {"seq":4,"type":"ticket_queued"}\\n\\n',
                ];
                const fetchImpl = async (url) => {
                  urls.push(url);
                  const text = bodies.shift();
                  if (text === undefined) return new Promise(() => {});
                  return new Response(new Blob([text]).stream(), { status: 200 });
                };
                const got = [];
                const settings = { baseUrl: location.origin, token: '' };
                const s = new EventStream(settings, { fetchImpl, onEvent: (e, m) => got.push([e.seq, e.type, m.replay]) });
                s.attempt = 0;
                const realSetTimeout = window.setTimeout;
                window.setTimeout = (fn, ms) => realSetTimeout(fn, 1);
                s.start();
                for (let i = 0; i < 100 && got.length < 4; i++) await new Promise(r => realSetTimeout(r, 20));
                window.setTimeout = realSetTimeout;
                s.stop();
                return { got, urls: urls.map(u => new URL(u).search) };""");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) out;
        // seq 1 is older than the page and there was no resume point: replayed; seq 2 is live;
        // after the reconnect (?after=2) the duplicate 2 is dropped, 3 is replayed, 4 is live
        assertThat(result.get("got")).isEqualTo(List.of(
                List.of(1L, "ticket_created", true), List.of(2L, "stage_changed", false),
                List.of(3L, "ticket_created", true), List.of(4L, "ticket_queued", false)));
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) result.get("urls");
        assertThat(urls).startsWith("", "?after=2");
    }

    @Test
    void unauthorizedStreamSaysSoAndBacksOffSlowly() {
        Object out = run("""
                const { EventStream } = await import('/js/events.js');
                const states = [];
                const s = new EventStream({ baseUrl: location.origin, token: 'x' },
                  { fetchImpl: async () => new Response('{}', { status: 401 }), onState: st => states.push(st) });
                s.start();
                await new Promise(r => setTimeout(r, 100));
                const timerSet = s.timer !== null;
                s.stop();
                return [states.slice(0, 2), timerSet];""");
        assertThat(out).isEqualTo(List.of(List.of("connecting", "unauthorized"), true));
    }

    @Test
    void wavIsSixteenKilohertzMonoSixteenBit() {
        Object out = run("""
                const { encodeWav, resample } = await import('/js/wav.js');
                const src = new Float32Array(48000);
                for (let i = 0; i < src.length; i++) src[i] = Math.sin(2 * Math.PI * 440 * i / 48000) * 0.5;
                const down = await resample(src, 48000);
                const b = await encodeWav(down).arrayBuffer();
                const v = new DataView(b);
                const tag = String.fromCharCode(...new Uint8Array(b, 0, 4)) + String.fromCharCode(...new Uint8Array(b, 8, 4));
                let peak = 0;
                for (let i = 44; i < b.byteLength; i += 2) peak = Math.max(peak, Math.abs(v.getInt16(i, true)));
                return [tag, v.getUint16(22, true), v.getUint32(24, true), v.getUint16(34, true), down.length, peak > 12000 && peak < 20000];""");
        assertThat(out).isEqualTo(List.of("RIFFWAVE", 1L, 16000L, 16L, 16000L, true));
    }

    @Test
    void responsesAreReadWhateverOptionalFieldsExist() {
        Object out = run("""
                const { readOutcome, overridesFrom } = await import('/js/pipeline.js');
                const c = readOutcome({ status: 'clarification_needed', session_id: 's1', questions: ['Which project?'], round: 2 });
                const bad = readOutcome({ status: 'clarification_needed', questions: [] });
                const p = readOutcome({ status: 'preview_needed', session_id: 's2', intent: { summary: 'Add x',
                  acceptance_criteria: 'one\\ntwo', issue_type: null, labels: ['ui'] } });
                const o = overridesFrom(p.draft, { summary: 'Add x', description: '', acceptanceCriteria: ['one', 'two', ''],
                  issueType: 'Bug', priority: '', project: '', labels: ['ui', 'dark mode'] });
                const t = readOutcome({ ticket_key: 'VOX-1', ticket_url: '/tickets/VOX-1' });
                return [c.kind, c.question, c.round, bad.kind, p.kind, p.draft.acceptanceCriteria, o, t.kind];""");
        assertThat(out).isEqualTo(List.of("clarification", "Which project?", 2L, "unknown", "preview",
                List.of("one", "two"), Map.of("issue_type", "Bug", "labels", List.of("ui", "dark-mode")), "ticket"));
    }
}
