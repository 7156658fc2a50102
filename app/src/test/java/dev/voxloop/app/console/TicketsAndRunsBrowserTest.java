package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.forge.builtin.BuiltinForge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * Real Chromium against the real server (embedded extractor with its sentence model, built-in tracker and forge):
 * the read-back names a likely duplicate of an open ticket, and a run card offers only what the run's state allows
 * and links its branch, pull request and diff.
 */
@Tag("browser")
class TicketsAndRunsBrowserTest {

    @TempDir
    static Path work;

    static ConsoleServer server;
    ConsoleBrowser browser;

    @BeforeAll
    static void startServer() {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed");
        server = ConsoleServer.start(work.resolve("server"));
        assumeTrue(server.app() != null, "needs the in-process server (runs, forge)");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = new ConsoleBrowser(work.resolve("browser"));
        browser.open(server.url() + "/");
        browser.script("localStorage.clear(); localStorage.setItem('voxloop.token', arguments[0]);", server.token());
        browser.reload();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theReadBackNamesTheLikelyDuplicateAndTheTicketCanStillBeFiled() throws Exception {
        // no type word: the extractor waits for the sentence model, so the hint below never races its loading
        String first = file("In TrackIt: keyboard shortcuts for starting and stopping the timer. It should work in"
                + " every browser.");
        browser.visible("#typed-text").sendKeys("Add a story to TrackIt: start and stop the timer with a hotkey. It"
                + " should work in every browser.");
        browser.clickable("#send-text").click();
        browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#preview") || browser.present("#error"));
        WebElement dup = browser.visible("#duplicates [data-key='" + first + "']");
        assertThat(dup.getText()).contains(first, "Keyboard shortcuts for starting and stopping the timer", "% alike");
        assertThat(browser.visible("#duplicates a").getAttribute("href")).endsWith("/tickets/" + first);
        browser.screenshot("tickets-01-likely-duplicate");
        browser.clickable("#duplicates button").click();
        assertThat(browser.visible("#f-description").getAttribute("value"))
                .contains("Possibly the same as " + first + ": Keyboard shortcuts");
        assertThat(browser.unnamedControls()).isEmpty();
        browser.clickable("#approve").click();
        browser.waitFor(Duration.ofSeconds(30), d -> browser.present("#success"));
        assertThat(browser.visible("#ticket-link").getText()).doesNotContain(first);
    }

    @Test
    void aRunCardOffersWhatItsStateAllowsAndLinksBranchPullRequestAndDiff() throws Exception {
        HostedShop shop = HostedShop.host(server, work.resolve("shop"), Map.of("README.md", "# Shop\n"));
        BuiltinForge forge = shop.forge();
        shop.git("checkout", "-q", "-b", "feature/SHOP-7-wishlist");
        Files.writeString(shop.src().resolve("wishlist.txt"), "saved items\n");
        shop.git("add", "-A");
        shop.git("commit", "-q", "-m", "SHOP-7: wishlist");
        shop.git("push", "-q", shop.bare(), "feature/SHOP-7-wishlist");
        PullRequest pr = forge.open("shop", new PullRequestDraft("SHOP-7: Customers can save a wishlist",
                "Ticket: SHOP-7", "feature/SHOP-7-wishlist", "main"));
        Instant now = Instant.now();
        server.app().runs().save(LoopRun.start("runwork01", new TicketRef("SHOP-8", "SHOP"), "worker-1", "replay", now)
                .preparedIn(new RunWorkspace(null, "feature/SHOP-8-filters", "main", null, null))
                .moveTo(LoopState.ITERATING, now));
        server.app().runs().save(LoopRun.start("runpr0001", new TicketRef("SHOP-7", "SHOP"), "worker-1", "replay", now)
                .preparedIn(new RunWorkspace(null, "feature/SHOP-7-wishlist", "main", null, null))
                .moveTo(LoopState.CHECKS, now)
                .withForge(ForgeProgress.NONE.opened("shop", pr.number(), null, "abc")));

        browser.script("window.location.hash = arguments[0];", "#/loop");
        browser.waitFor(Duration.ofSeconds(20), d -> browser.present("[data-run='runpr0001']")
                && browser.present("[data-run='runwork01']"));

        assertThat(browser.all("[data-run='runwork01'] input")).hasSize(1);
        assertThat(texts("[data-run='runwork01'] form button")).containsExactly("Send instruction",
                "Push progress now", "Abort");
        assertThat(browser.visible("[data-run='runwork01'] .run__branch").getText()).isEqualTo("feature/SHOP-8-filters");
        assertThat(browser.all("[data-run='runwork01'] .run__pr")).isEmpty();

        assertThat(browser.all("[data-run='runpr0001'] form")).as("no agent at work: nothing to send").isEmpty();
        String pull = "#/repos/shop/pulls/" + pr.number();
        assertThat(browser.visible("[data-run='runpr0001'] a.run__branch").getAttribute("href")).endsWith(pull + "/branch");
        assertThat(browser.visible("[data-run='runpr0001'] .run__pr").getText()).isEqualTo("pull request #" + pr.number());
        assertThat(browser.visible("[data-run='runpr0001'] .run__diff").getAttribute("href")).endsWith(pull + "/diff");
        assertThat(browser.unnamedControls()).isEmpty();
        browser.screenshot("tickets-02-run-cards");

        assertThat(post("/api/loop/runs/runpr0001/abort", "").statusCode())
                .as("the API refuses what the card does not offer").isEqualTo(409);

        browser.clickable("[data-run='runpr0001'] .run__diff").click();
        browser.text("#files-title", "Files changed (1)");
        browser.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script(
                "const r = document.getElementById('files-title').getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < window.innerHeight;")));
        assertThat(browser.all("#diff .diff__line--add")).isNotEmpty();
    }

    private List<String> texts(String css) {
        return browser.all(css).stream().map(WebElement::getText).toList();
    }

    /** Files a ticket through the API (run, then approve) and returns its key. */
    private String file(String request) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode run = json.readTree(post("/api/pipeline/run",
                json.writeValueAsString(java.util.Map.of("text", request))).body());
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("preview_needed");
        JsonNode filed = json.readTree(post("/api/pipeline/approve",
                json.writeValueAsString(java.util.Map.of("session_id", run.path("session_id").asText()))).body());
        return filed.path("ticket_key").asText();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (server.token() != null) {
            request.header("Authorization", "Bearer " + server.token());
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
