package dev.voxloop.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.workspace.TaskFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull request page after voxloop's review, in real Chromium against the real server, forge and review gate:
 * the traceability table of the description, the review with its findings, and the finding under its diff line.
 */
@Tag("browser")
class PullRequestReviewBrowserTest {

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
    void findingsUnderTheirLinesAndTheTraceabilityTable() throws Exception {
        HostedShop shop = HostedShop.host(server, work.resolve("shop"), Map.of(
                ".voxloop/ci.yaml", "checks:\n  - name: test\n    run: sh test.sh\n",
                "test.sh", "echo 'PASS WishlistTest.testSavesItems'\necho 'PASS WishlistTest.testOnePerItem'\n"));
        BuiltinForge forge = shop.forge();
        Path src = shop.src();
        Ticket ticket = server.app().tracker().create(new TicketDraft("Customers can save items to a wishlist", "",
                List.of("A customer can save an item to the wishlist", "An item is saved once",
                        "The wishlist survives a restart"), IssueType.STORY, Priority.MEDIUM, "SHOP", null, List.of()),
                new Provenance("browser-review-1", false, "wishlist", Instant.now()));
        String branch = "feature/" + ticket.key() + "-wishlist";
        shop.git("checkout", "-q", "-b", branch);
        Files.createDirectories(src.resolve("src/main/java/shop"));
        Files.writeString(src.resolve("src/main/java/shop/Wishlist.java"), """
                package shop;

                import java.util.LinkedHashSet;
                import java.util.Set;

                /** Items a customer saved for later. */
                public final class Wishlist {
                    private final Set<String> items = new LinkedHashSet<>();

                    public void save(String sku) {
                        System.out.println("saving " + sku);
                        items.add(sku);
                    }
                }
                """);
        shop.git("add", "-A");
        shop.git("commit", "-q", "-m", ticket.key() + ": wishlist");
        String bare = shop.bare();
        shop.git("push", "-q", bare, branch);

        PullRequest pr = forge.open("shop", new PullRequestDraft(ticket.key() + ": " + ticket.summary(),
                "Ticket: " + ticket.key(), branch, "main"));
        Path ws = Files.createDirectories(work.resolve("ws"));
        Files.writeString(ws.resolve(TaskFile.NAME), TaskFile.render(ticket, branch, "main",
                        ticket.acceptanceCriteria())
                .replace("- [ ] A customer can save an item to the wishlist",
                        "- [x] A customer can save an item to the wishlist — tests: WishlistTest.testSavesItems")
                .replace("- [ ] An item is saved once", "- [x] An item is saved once — tests: WishlistTest.testOnePerItem"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (forge.checks("shop", pr.headSha()).stream().anyMatch(c -> c.conclusion() == null)
                || forge.checks("shop", pr.headSha()).isEmpty()) {
            assertThat(System.nanoTime()).as("CI finished").isLessThan(deadline);
            Thread.sleep(300);
        }
        LoopRun run = LoopRun.start("run-review-1", new TicketRef(ticket.key(), "SHOP"), "w1", "replay",
                        Instant.now())
                .preparedIn(new RunWorkspace(ws.toString(), branch, "main", null, pr.headSha()))
                .withForge(ForgeProgress.NONE.opened("shop", pr.number(), pr.url(), pr.headSha()));
        PullRequestReview.Verdict verdict = server.app().reviewGate()
                .review(run, ticket, new ForgeTarget(forge, "shop", bare, MergeMethod.SQUASH, 3),
                        forge.pullRequest("shop", pr.number()));
        assertThat(verdict).isInstanceOf(PullRequestReview.Verdict.ChangesRequested.class);

        try (ConsoleBrowser browser = new ConsoleBrowser(work.resolve("browser"))) {
            shop.openPullRequest(browser, pr.number());
            browser.text("#pr-title", ticket.key());
            browser.text("#reviews", "changes requested");
            browser.text("#diff .diff__finding", "debug-leftover");
            assertThat(browser.visible("#diff .diff__finding").getAttribute("data-line")).isEqualTo("11");
            browser.text("#traceability", "WishlistTest.testSavesItems");
            assertThat(browser.all("#traceability tbody tr")).hasSize(3);
            assertThat(browser.visible("#traceability tbody tr:nth-child(3)").getText()).contains("no test named");
            assertThat(browser.visible("#traceability tbody tr:nth-child(1)").getText()).contains("passed");
            assertThat(browser.unnamedControls()).isEmpty();
            browser.screenshot("13-pull-request-traceability");
            browser.script("document.querySelector('#reviews').scrollIntoView({block: 'start'});");
            browser.screenshot("14-pull-request-review-findings");
        }
        assertThat(forge.pullRequest("shop", pr.number()).body()).contains("## Traceability");
        assertThat(server.app().reviews().forRun("run-review-1")).singleElement()
                .satisfies(r -> assertThat(r.forgeReviewId()).isNotNull());
    }
}
