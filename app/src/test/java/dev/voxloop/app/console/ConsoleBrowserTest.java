package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.TicketRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console end to end: real Chromium, fake microphone playing a speech WAV, real voxloop server.
 */
@Tag("browser")
class ConsoleBrowserTest {

    @TempDir
    static Path work;

    static ConsoleServer server;
    ConsoleBrowser browser;
    String testName;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed (scripts/system-deps.sh installs them)");
        server = ConsoleServer.start(work.resolve("server"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser = new ConsoleBrowser(work.resolve("browser-" + testName));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.screenshot(testName + "-last");
            browser.close();
        }
    }

    private void shot(String name) {
        browser.screenshot(name);
    }

    private void openConsole() {
        browser.open(server.url() + "/");
        browser.script("localStorage.clear();");
        if (server.token() != null) {
            browser.script("localStorage.setItem('voxloop.token', arguments[0]);", server.token());
        }
        browser.reload();
        browser.waitFor(d -> "open".equals(browser.script("return document.getElementById('conn').dataset.state")));
    }

    /** Types a request and gets to the read-back preview, answering clarifications with their first choice. */
    private void typeUntilPreview(String request, boolean screenshots) {
        WebElement typed = browser.visible("#typed-text");
        typed.sendKeys(request);
        if (screenshots) {
            shot("01-typed-request");
        }
        browser.clickable("#send-text").click();
        answerUntilPreview(screenshots);
    }

    /** Answers clarifications (one tap, then typed) until the read-back preview shows. */
    private void answerUntilPreview(boolean screenshots) {
        for (int round = 0; round < 4; round++) {
            browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#clarification") || browser.present("#preview"));
            if (browser.present("#preview")) {
                return;
            }
            if (screenshots && round == 0) {
                assertThat(browser.focusedId()).isEqualTo("answer"); // the answer field, described by the question
                assertThat(browser.unnamedControls()).isEmpty();
                shot("03-clarification");
            }
            List<WebElement> choices = browser.all("#choices button");
            String field = browser.visible("#clarification").getAttribute("data-field");
            if (!choices.isEmpty() && round % 2 == 0) {
                choices.get(0).click(); // one tap
            } else {
                browser.visible("#answer").sendKeys(server.answerFor(field), Keys.ENTER); // typed answer
            }
            browser.waitFor(Duration.ofSeconds(60), d -> !browser.present("#clarification") || browser.present("#preview"));
        }
        throw new AssertionError("no read-back preview after four clarification rounds");
    }

    @Test
    void typedRequestIsClarifiedEditedApprovedAndLinked() throws Exception {
        openConsole();
        shot("00-voice-idle");
        assertThat(browser.unnamedControls()).isEmpty();
        typeUntilPreview(server.vagueRequest(), true);
        browser.visible("#preview");
        assertThat(browser.status()).isEqualTo("Review");
        assertThat(browser.focusedId()).isEqualTo("preview-title"); // screen readers land on the read-back
        assertThat(browser.unnamedControls()).isEmpty();
        shot("04-read-back-preview");

        WebElement summary = browser.visible("#f-summary");
        summary.clear();
        summary.sendKeys("Dark mode toggle on the settings page");
        new Select(browser.visible("#f-priority")).selectByVisibleText("High");
        WebElement labels = browser.visible("#f-labels");
        labels.clear();
        labels.sendKeys("ui, dark mode");
        shot("05-read-back-edited");
        browser.clickable("#approve").click();

        WebElement link = browser.visible("#ticket-link");
        browser.toast("created"); // first: a toast lives 4.5 s, less than a screenshot takes on a busy machine
        browser.waitFor(d -> "success-title".equals(browser.focusedId()));
        assertThat(browser.unnamedControls()).isEmpty();
        shot("06-ticket-created");
        assertThat(link.getText()).contains("Dark mode toggle on the settings page");
        assertThat(browser.status()).isEqualTo("Done");
        String key = link.getText().split(" ")[0];

        HttpResponse<String> page = http(link.getAttribute("href"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(key);
        HttpResponse<String> api = http(server.url() + "/api/tickets/" + key);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("Dark mode toggle on the settings page").contains("High").contains("dark-mode");

        browser.open(server.url() + "/#/tickets");
        browser.text("#ticket-list", key);
        assertThat(browser.unnamedControls()).isEmpty();
        shot("07-tickets-list");
        browser.open(server.url() + "/#/tickets/" + key);
        browser.text("#ticket-detail", "Dark mode toggle on the settings page");
        shot("08-ticket-detail");
    }

    @Test
    void resumingTheStreamDoesNotReplayOldEventsAsNew() {
        openConsole();
        typeUntilPreview(server.clearRequest(), false);
        browser.clickable("#approve").click();
        browser.visible("#ticket-link");
        // a fresh page, then a resume from the very start: the server replays the ticket_created (and every
        // stage change) marked replay. The console must not toast it, nor jump to "Done" (inventory 8.22).
        browser.reload();
        browser.waitFor(d -> "open".equals(browser.script("return document.getElementById('conn').dataset.state")));
        browser.script("window.__voxloopEvents = 0; window.__voxloop.stream.lastSeq = 0; window.__voxloop.stream.restart();");
        browser.waitFor(d -> ((Number) browser.script("return window.__voxloopEvents || 0")).intValue() > 3);
        sleep(700);
        assertThat(browser.all(".toast")).isEmpty();
        assertThat(browser.status()).isEqualTo("Ready");
        assertThat(browser.present("#success")).isFalse();
        assertThat(browser.script("return window.__voxloop.log.size")).isEqualTo(0L);
    }

    @Test
    void recordsWithTheMicrophonePreviewsAndSends() {
        openConsole();
        browser.pressOnPage(Keys.SPACE);
        browser.visible(".record[aria-pressed='true']");
        assertThat(browser.status()).isEqualTo("Recording");
        // the fake microphone plays speech: the meter must move
        browser.waitFor(d -> {
            Object level = browser.script("const m = document.getElementById('meter'); return m ? Number(m.dataset.level || 0) : 0;");
            return ((Number) level).doubleValue() > 0.02;
        });
        browser.waitFor(d -> {
            String[] mmss = browser.visible("#timer").getText().split(":");
            return Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]) >= 2;
        });
        shot("02-recording");
        browser.pressOnPage(Keys.SPACE);

        browser.visible("#audio-preview");
        assertThat(browser.status()).isEqualTo("Preview");
        String src = browser.visible("#audio-preview audio").getAttribute("src");
        assertThat(src).startsWith("blob:");
        // the upload is a 16 kHz mono 16-bit WAV, as the server's speech engines want
        @SuppressWarnings("unchecked")
        List<Number> wav = (List<Number>) browser.script("""
                return fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  const v = new DataView(b);
                  return [v.getUint32(24, true), v.getUint16(22, true), v.getUint16(34, true), b.byteLength];
                });""", src);
        assertThat(wav.get(0).intValue()).isEqualTo(16000);
        assertThat(wav.get(1).intValue()).isEqualTo(1);
        assertThat(wav.get(2).intValue()).isEqualTo(16);
        assertThat(wav.get(3).intValue()).isGreaterThan(16000 * 2 * 2);
        shot("02b-recording-preview");
        browser.clickable("#send-audio").click();

        browser.waitFor(Duration.ofSeconds(90), d -> browser.present("#clarification") || browser.present("#preview")
                || browser.present("#transcript-check") || browser.present("#error"));
        shot("02c-audio-sent");
        if (browser.present("#transcript-check")) {
            // the engine is unsure of the words: shown for a check before anything is extracted; taken as heard
            assertThat(browser.visible("#heard-text").getAttribute("value")).isNotBlank();
            browser.clickable("#confirm-transcript").click();
        }
        if (browser.present("#error")) {
            // speech not installed on this server: the console must say so plainly, not "cannot reach"
            String message = browser.visible("#error-message").getText();
            assertThat(message).doesNotContain("Cannot reach");
            assertThat(message).contains("503");
            assertThat(browser.visible("#retry").isDisplayed()).isTrue();
            return;
        }
        // speech is installed: the spoken request goes all the way to a ticket
        answerUntilPreview(false);
        assertThat(browser.visible("#transcript").getText()).isNotBlank();
        shot("02d-spoken-read-back");
        WebElement summary = browser.visible("#f-summary");
        summary.clear();
        summary.sendKeys("Spoken request filed from the console");
        browser.clickable("#approve").click();
        assertThat(browser.visible("#ticket-link").getText()).contains("Spoken request filed from the console");
        shot("02e-spoken-ticket-created");
    }

    @Test
    void holdingSpaceRecordsUntilReleased() {
        openConsole();
        browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur();");
        new org.openqa.selenium.interactions.Actions(browser.driver()).keyDown(Keys.SPACE).perform();
        browser.visible(".record[aria-pressed='true']");
        sleep(1500);
        assertThat(browser.status()).isEqualTo("Recording");
        new org.openqa.selenium.interactions.Actions(browser.driver()).keyUp(Keys.SPACE).perform();
        browser.visible("#audio-preview");
        assertThat(browser.status()).isEqualTo("Preview");
    }

    @Test
    void escapeCancelsARecording() {
        openConsole();
        browser.pressOnPage(Keys.SPACE);
        browser.visible(".record[aria-pressed='true']");
        browser.pressOnPage(Keys.ESCAPE);
        browser.visible(".record[aria-pressed='false']");
        assertThat(browser.status()).isEqualTo("Ready");
        assertThat(browser.present("#audio-preview")).isFalse();
        browser.toast("cancelled");
    }

    @Test
    void spaceInATextFieldTypesASpace() {
        openConsole();
        WebElement typed = browser.visible("#typed-text");
        typed.sendKeys("add a", Keys.SPACE, "button");
        assertThat(typed.getAttribute("value")).isEqualTo("add a button");
        assertThat(browser.status()).isEqualTo("Ready");
    }

    @Test
    void discardingTheReadBackFilesNothing() throws Exception {
        openConsole();
        int before = ticketCount();
        typeUntilPreview(server.clearRequest(), false);
        browser.clickable("#discard-preview").click();
        browser.toast("discarded");
        browser.visible(".record[aria-pressed='false']");
        assertThat(browser.status()).isEqualTo("Ready");
        shot("09-discarded");
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void theConsoleSendsAnIdempotencyKeyAndTheRoundItAnswers() throws Exception {
        openConsole();
        // record what the console sends (its API client looks window.fetch up on every call)
        browser.script("""
                window.__sent = [];
                const real = window.fetch;
                window.fetch = (url, init = {}) => {
                  window.__sent.push({ url: String(url), headers: init.headers || {}, body: init.body || "" });
                  return real(url, init);
                };""");
        browser.visible("#typed-text").sendKeys(server.vagueRequest());
        browser.clickable("#send-text").click();
        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#clarification") || browser.present("#preview"));
        assumeTrue(browser.present("#clarification"), "the request needed no clarification");
        String key = (String) browser.script("return window.__sent.find(s => s.url.endsWith('/api/pipeline/run'))"
                + ".headers['Idempotency-Key'];");
        assertThat(key).matches("[0-9a-f]{32}");
        String runBody = (String) browser.script("return window.__sent.find(s => s.url.endsWith('/api/pipeline/run'))"
                + ".body;");

        // the answer names its round, so sending it twice cannot fill the next round
        browser.visible("#answer").sendKeys(server.answerFor(browser.visible("#clarification")
                .getAttribute("data-field")), Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(60), d -> Boolean.TRUE.equals(browser.script(
                "return window.__sent.some(s => s.url.endsWith('/api/pipeline/clarify'));")));
        String clarify = (String) browser.script("return window.__sent.find(s => s.url.endsWith('/api/pipeline/clarify'))"
                + ".body;");
        assertThat(clarify).contains("\"round\":1");
        browser.waitFor(Duration.ofSeconds(60), d -> !browser.present("#clarification") || browser.present("#preview"));
        HttpResponse<String> again = post("/api/pipeline/clarify", clarify);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

        // a client that lost the first answer and sends the run again with its key gets the same session back
        HttpRequest.Builder retry = HttpRequest.newBuilder(URI.create(server.url() + "/api/pipeline/run"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(runBody));
        if (server.token() != null) {
            retry.header("Authorization", "Bearer " + server.token());
        }
        String session = jsonField(clarify, "session_id");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(retry.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(jsonField(r.body(), "session_id")).isEqualTo(session);
        }
    }

    @Test
    void serverDownIsExplained() {
        openConsole();
        browser.script("localStorage.setItem('voxloop.serverUrl', arguments[0]);", "http://127.0.0.1:" + ConsoleServer.closedPort());
        browser.reload();
        browser.visible("#typed-text").sendKeys("Add a logout button");
        browser.clickable("#send-text").click();
        WebElement message = browser.visible("#error-message");
        assertThat(message.getText()).contains("Cannot reach the server");
        assertThat(browser.visible("#error-title").getText()).isEqualTo("The server cannot be reached");
        assertThat(browser.visible("#error-settings").isDisplayed()).isTrue();
        browser.waitFor(d -> !"open".equals(browser.script("return document.getElementById('conn').dataset.state")));
        shot("10-server-down");
    }

    @Test
    void rejectedTokenIsExplainedAndFixedInSettings() {
        assumeTrue(server.token() != null, "this server runs without a token");
        openConsole();
        browser.script("localStorage.setItem('voxloop.token', 'wrong-token');");
        browser.reload();
        browser.visible("#typed-text").sendKeys("Add a logout button");
        browser.clickable("#send-text").click();
        assertThat(browser.visible("#error-title").getText()).isEqualTo("The API token was rejected");
        browser.text("#conn-text", "token rejected");
        shot("11-token-rejected");

        browser.clickable("#error-settings").click();
        browser.clickable("#settings-test").click();
        browser.text("#settings-health", "The token was rejected.");
        WebElement token = browser.visible("#set-token");
        token.clear();
        token.sendKeys(server.token());
        browser.clickable("#settings-test").click();
        browser.text("#settings-health", "Token accepted.");
        shot("12-settings");
        browser.clickable("#settings-form button[type=submit]").click();
        browser.gone("#settings");
        browser.text("#conn-text", "live");
        browser.clickable("#retry").click();
        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#clarification") || browser.present("#preview"));
    }

    @Test
    void fitsAPhoneScreen() {
        browser.size(390, 844);
        openConsole();
        typeUntilPreview(server.clearRequest(), false);
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).isEqualTo(false);
        shot("13-phone-preview");
        browser.clickable("#discard-preview").click();
    }

    @Test
    void loopBoardShowsQueueAndRuns() throws Exception {
        String key = fileTicketThroughTheApi(server.clearRequest());
        openConsole();
        browser.open(server.url() + "/#/loop");
        browser.visible("#runs");
        browser.waitFor(d -> browser.present("#no-runs") || browser.present("[data-run]"));
        browser.text("#queue-list", key);
        shot("14-loop-board");
    }

    @Test
    void aRunThatStoppedEarlyShowsWhatKindOfFailureItWas() {
        assumeTrue(server.app() != null, "recording a run needs the in-process server");
        Instant now = Instant.now();
        server.app().runs().save(LoopRun.start("runblock1", new TicketRef("BOOK-99", "BOOK"), "worker-1", "claude",
                now).end(LoopState.BLOCKED, new Ending(FailureKind.AGENT_UNAVAILABLE,
                "Claude Code cannot reach its model (authentication_failed): Not logged in"), now));
        openConsole();
        browser.open(server.url() + "/#/loop");
        browser.text("[data-run='runblock1'] [data-failure='AGENT_UNAVAILABLE']", "agent unavailable");
        browser.text("[data-run='runblock1']", "BLOCKED");
        shot("15-loop-run-agent-unavailable");
    }

    @Test
    void theLoopBoardNamesTheFixWhenQueuedTicketsCannotBeTaken() throws Exception {
        assumeTrue(server.app() != null, "starting a worker needs the in-process server");
        String key = fileTicketThroughTheApi(server.clearRequest());
        // a real worker: no project has a repository, so it takes nothing and says why on the queue entry
        try (AutoCloseable worker = server.app().loop().startWorkers(1, server.app().workers())) {
            openConsole();
            browser.open(server.url() + "/#/loop");
            browser.waitFor(Duration.ofSeconds(30), d -> String.valueOf(browser.script(
                    "return document.getElementById('loop-banner').textContent")).contains(key));
            browser.text("#loop-banner", "project BOOK has no repository");
            browser.text("#loop-banner code", "./voxloop init --project BOOK --repo PATH");
            browser.text("#workers-list", "idle");
            browser.waitFor(Duration.ofSeconds(30), d -> String.valueOf(browser.script(
                    "return document.getElementById('queue-list').textContent")).contains("no repository configured"));
            shot("16-loop-banner-no-repository");
        }
    }

    /** Files a ticket with plain HTTP calls (run, answer with the first choice, approve); returns its key. */
    private String fileTicketThroughTheApi(String request) throws Exception {
        HttpResponse<String> r = post("/api/pipeline/run", "{\"text\":\"" + request + "\"}");
        for (int round = 0; round < 4 && r.body().contains("clarification_needed"); round++) {
            String session = jsonField(r.body(), "session_id");
            String field = jsonField(r.body(), "field");
            r = post("/api/pipeline/clarify", "{\"session_id\":\"" + session + "\",\"text\":\""
                    + server.answerFor(field) + "\"}");
        }
        assertThat(r.body()).contains("preview_needed");
        r = post("/api/pipeline/approve", "{\"session_id\":\"" + jsonField(r.body(), "session_id") + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return jsonField(r.body(), "ticket_key");
    }

    private static String jsonField(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (server.token() != null) {
            request.header("Authorization", "Bearer " + server.token());
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private int ticketCount() throws Exception {
        HttpResponse<String> r = http(server.url() + "/api/tickets");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        return body.split("\"key\"", -1).length - 1;
    }

    private HttpResponse<String> http(String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (server.token() != null) {
            request.header("Authorization", "Bearer " + server.token());
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
