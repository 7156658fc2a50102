package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.peers.openai.TranscriptionsPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

/**
 * The voice page when the speech engine is unsure of a recording: real Chromium recording from its fake
 * microphone, the real server, and an OpenAI-compatible transcription server (validated against the published
 * contract) that hears scripted words with a scripted confidence. The person sees the words in an editable box and
 * confirms or corrects them before anything is extracted.
 */
@Tag("browser")
class TranscriptCheckBrowserTest {

    static final String HEARD = "bug in book it the calendar crashes on safari";
    static final String SAID = "Create a high priority bug in BookIt: the calendar crashes on Safari."
            + " It should open the calendar";

    @TempDir
    static Path work;

    static TranscriptionsPeer engine;
    static ConsoleServer server;
    ConsoleBrowser browser;
    String testName;
    String session;

    @BeforeAll
    static void startServer() {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed (scripts/system-deps.sh installs them)");
        assumeTrue(System.getProperty("voxloop.console.url") == null, "needs its own server with a scripted engine");
        engine = TranscriptionsPeer.start();
        server = ConsoleServer.start(work.resolve("server"), Map.of("speech", Map.of("engine", "openai",
                "openai", Map.of("url", engine.baseUrl(), "key", engine.key()))));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser = new ConsoleBrowser(work.resolve("browser-" + testName));
        browser.open(server.url() + "/");
        browser.script("localStorage.clear(); localStorage.setItem('voxloop.token', arguments[0]);", server.token());
        browser.reload();
        browser.waitFor(d -> "open".equals(browser.script("return document.getElementById('conn').dataset.state")));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.screenshot("check-" + testName + "-last");
            browser.close();
        }
        engine.assertClean();
    }

    /** Records two seconds from the fake microphone and sends them. */
    private void recordAndSend() {
        browser.pressOnPage(Keys.SPACE);
        browser.waitFor(d -> {
            String[] mmss = browser.visible("#timer").getText().split(":");
            return Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]) >= 2;
        });
        browser.pressOnPage(Keys.SPACE);
        browser.clickable("#send-audio").click();
        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#transcript-check") || browser.present("#error"));
        assertThat(browser.present("#error")).as("error: %s", browser.present("#error-message")
                ? browser.visible("#error-message").getText() : "").isFalse();
        assertThat(checked()).matches("[0-9a-f]{12}");
    }

    /** The session of the transcript check on the page (its card names it). */
    private String checked() {
        session = browser.visible("#transcript-check").getAttribute("data-session");
        return session;
    }

    private IntakeSession latest() {
        return server.app().intake().find(session).orElseThrow();
    }

    @Test
    void unsureWordsAreCorrectedBeforeTheReadBackAndTheTicket() {
        engine.thenHear(HEARD, 0.45);
        recordAndSend();

        WebElement words = browser.visible("#heard-text");
        assertThat(words.getAttribute("value")).isEqualTo(HEARD);
        assertThat(browser.focusedId()).isEqualTo("heard-text");
        assertThat(browser.visible("#heard-confidence").getText()).isEqualTo("speech engine 45% sure");
        assertThat(browser.visible("#confirm-transcript").getText()).isEqualTo("Yes, that is right");
        assertThat(browser.visible("#transcript-check audio").getAttribute("src")).startsWith("blob:");
        assertThat(browser.status()).isEqualTo("Check words");
        assertThat(browser.unnamedControls()).isEmpty();
        IntakeSession waiting = latest();
        assertThat(waiting.state()).isEqualTo(IntakeState.CONFIRMING);
        assertThat(waiting.extraction()).as("nothing extracted before the check").isNull();
        browser.screenshot("05-transcript-check");

        words.clear();
        words.sendKeys(SAID);
        assertThat(browser.visible("#confirm-transcript").getText()).isEqualTo("Use my words");
        browser.screenshot("05b-transcript-corrected");
        words.sendKeys(Keys.ENTER);

        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#preview"));
        assertThat(browser.visible("#transcript").getText()).isEqualTo(SAID);
        assertThat(browser.visible("#f-priority").getAttribute("value")).isEqualTo("High");
        assertThat(browser.visible("#f-project").getAttribute("value")).isEqualTo("BOOK");
        browser.screenshot("05c-corrected-read-back");
        browser.clickable("#approve").click();
        assertThat(browser.visible("#ticket-link").getText()).startsWith("BOOK-");

        IntakeSession filed = latest();
        assertThat(filed.state()).isEqualTo(IntakeState.CREATED);
        assertThat(filed.heard()).isEqualTo(new HeardTranscript(HEARD, 0.45, "openai",
                HeardTranscript.Confirmation.CORRECTED));
    }

    @Test
    void wordsConfirmedAsHeardAreUsedAndDiscardingFilesNothing() {
        engine.thenHear(HEARD + ". it should open the calendar", 0.5);
        recordAndSend();
        browser.clickable("#confirm-transcript").click();
        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#preview") || browser.present("#clarification"));
        assertThat(latest().heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.AS_HEARD);
        assertThat(latest().text()).isEqualTo(HEARD + ". it should open the calendar");

        engine.thenHear("ask not what your country can do for you", 0.3);
        browser.clickable(browser.present("#preview") ? "#discard-preview" : "#discard-clarification").click();
        recordAndSend();
        assertThat(browser.visible("#heard-confidence").getText()).isEqualTo("speech engine 30% sure");
        browser.clickable("#discard-transcript").click();
        browser.waitFor(d -> latest().state() == IntakeState.DISCARDED);
        assertThat(latest().extraction()).isNull();
        assertThat(browser.status()).isEqualTo("Ready");
    }
}
