package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.forge.builtin.BuiltinForge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull request page in real Chromium against the real server and built-in forge: red CI with its failing
 * check's log, a fix pushed, green CI, the diff and the timeline, and a person's merge from the page.
 */
@Tag("browser")
class PullRequestPageBrowserTest {

    @TempDir
    static Path work;

    static ConsoleServer server;

    @BeforeAll
    static void startServer() {
        server = HostedShop.startServer(work.resolve("server"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void redChecksWithTheirLogThenGreenThenMergedByAPerson() throws Exception {
        HostedShop shop = HostedShop.host(server, work.resolve("shop"), Map.of(
                ".voxloop/ci.yaml", "checks:\n  - name: test\n    run: sh test.sh\n"
                        + "  - name: docs\n    run: grep -q '^# Shop' README.md"
                        + " || { echo 'README.md needs a title'; exit 1; }\n",
                "test.sh", "echo 'Tests run: 3, Failures: 0'\n",
                "README.md", "# Shop\n"));
        BuiltinForge forge = shop.forge();
        Path src = shop.src();
        shop.git("checkout", "-q", "-b", "feature/SHOP-7-wishlist");
        Files.writeString(src.resolve("wishlist.txt"), "saved items\nper customer\n");
        Files.writeString(src.resolve("README.md"), "Shop with a wishlist\n");
        shop.git("add", "-A");
        shop.git("commit", "-q", "-m", "SHOP-7: wishlist");
        shop.git("push", "-q", shop.bare(), "feature/SHOP-7-wishlist");
        PullRequest pr = forge.open("shop", new PullRequestDraft("SHOP-7: Customers can save a wishlist",
                "Ticket: SHOP-7\n\n- [x] items are saved per customer", "feature/SHOP-7-wishlist", "main"));

        try (ConsoleBrowser browser = new ConsoleBrowser(work.resolve("browser"))) {
            shop.openPullRequest(browser, pr.number());
            browser.text("#pr-title", "SHOP-7: Customers can save a wishlist");
            browser.waitFor(Duration.ofSeconds(60), d -> browser.present("[data-check='docs'] .chip--bad")
                    && !browser.present("#checks .chip--info"));
            browser.clickable("[data-check='docs'] button").click();
            browser.text("#check-log", "README.md needs a title");
            assertThat(browser.visible("#pr-mergeable").getText()).isEqualTo("blocked");
            assertThat(browser.all("#diff .diff__line--add")).isNotEmpty();
            assertThat(browser.unnamedControls()).isEmpty();
            browser.screenshot("10-pull-request-red-checks");

            Files.writeString(src.resolve("README.md"), "# Shop\n\nWith a wishlist.\n");
            shop.git("commit", "-q", "-am", "SHOP-7: README title");
            shop.git("push", "-q", shop.bare(), "feature/SHOP-7-wishlist");
            forge.pullRequest("shop", pr.number()); // the forge notices the new head (a push over HTTP would say)
            browser.waitFor(Duration.ofSeconds(60), d -> browser.present("#pr-mergeable.chip--ok"));
            browser.screenshot("11-pull-request-green");

            browser.clickable("#pr-merge").click();
            browser.text("#pr-state", "MERGED");
            browser.text("#pr-merge-commit", "merged as");
            browser.text("#timeline", "merged");
            browser.screenshot("12-pull-request-merged");
        }
        assertThat(forge.pullRequest("shop", pr.number()).merged()).isTrue();
    }
}
