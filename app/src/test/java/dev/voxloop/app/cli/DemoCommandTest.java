package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Forges;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.app.demo.GitHubDemo;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.forge.Review;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.forge.review.BuiltinReviewer;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.loop.review.ReviewGate;
import dev.voxloop.loop.review.ReviewPolicy;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.peers.github.Fault;
import dev.voxloop.peers.github.GitHubPeer;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.review.JdbiReviewLog;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * voxloop demo wired the way the app wires it (embedded H2 store, built-in tracker, durable queue and events, the
 * built-in reviewer), once on the built-in forge with its CI and once on GitHub: the in-process GitHub peer,
 * every request validated against GitHub's OpenAPI description, GitHub Actions running the sample's workflow on
 * each push, the branch pushed over smart HTTP with the token from a credential helper. On GitHub the pull
 * request's create times out after GitHub made it and the merge first meets a secondary rate limit.
 */
class DemoCommandTest {

    private static final String REPO = "octo/trackit";
    private static final String CREATE = "POST /repos/{owner}/{repo}/pulls";
    private static final String MERGE = "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "on the {0} forge")
    @ValueSource(strings = {"builtin", "github"})
    @Tag("slow")
    void theDemoEndsMergedAfterOneHealingRoundAndOneReviewFixWithOneSquashedCommit(String where) throws Exception {
        boolean github = where.equals("github");
        List<AutoCloseable> closing = new ArrayList<>();
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data")))) {
            Clock clock = Clock.systemUTC();
            BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://127.0.0.1:8000", clock);
            JdbiLoopRunRepository runs = new JdbiLoopRunRepository(db.jdbi());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EventBus events = new EventBus(new JdbiEventLog(db, 10_000));
            JdbiReviewLog reviews = new JdbiReviewLog(db, clock);
            RunSandbox sandbox = AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), events::publish, clock);
            Forges forges = new Forges(ForgeSettings.from(ConfigTree.empty(), tmp.resolve("data")), db,
                    () -> "http://127.0.0.1:8000", () -> LoopSettings.from(ConfigTree.empty(), tmp), sandbox, clock);
            closing.add(forges);
            ReviewGate gate = new ReviewGate(List.of(BuiltinReviewer.standard()), reviews, tracker, null, events,
                    key -> ReviewPolicy.DEFAULT, clock);
            DemoRun builtinDemo = new DemoRun(tracker, new JdbiLoopQueue(db, clock), events, runs, clock, Map.of(),
                    ModelConnector.NONE, sandbox, origin -> forges.host(origin, "trackit")).reviewedBy(gate, reviews);

            GitHubPeer peer = null;
            List<String> args = new ArrayList<>(List.of("--dir", tmp.resolve("demo").toString(), "--json"));
            DemoCommand cmd;
            if (github) {
                peer = new GitHubPeer(tmp.resolve("github"));
                closing.add(peer);
                peer.createEmptyRepository(REPO).actions().runWorkflows();
                ForgeWakeups wakeups = new ForgeWakeups();
                peer.onChange(wakeups::signal); // what the webhook route does with GitHub's deliveries
                peer.inject(CREATE, new Fault.TimeoutAfterApplying(Duration.ofSeconds(8)));
                peer.inject(MERGE, new Fault.SecondaryLimit(403, 1));
                GitHubSettings settings = GitHubSettings.from(new ConfigTree(Map.of("github", Map.of(
                        "api_url", peer.apiUrl(), "token", peer.token(), "repository", REPO,
                        "request_timeout", "5s"))));
                cmd = new DemoCommand(() -> builtinDemo, remote -> new DemoRun(tracker, new JdbiLoopQueue(db, clock),
                        events, runs, clock, Map.of(), ModelConnector.NONE, sandbox, GitHubDemo.hosting(settings,
                        forges.settings(), remote)).reviewedBy(gate, reviews).wakingOn(wakeups,
                        Duration.ofSeconds(5)), new PrintStream(out, true, StandardCharsets.UTF_8));
                args.addAll(List.of("--forge", "github", "--remote", peer.cloneUrl(REPO)));
            } else {
                cmd = new DemoCommand(() -> builtinDemo, new PrintStream(out, true, StandardCharsets.UTF_8));
            }
            int exit = new CommandLine(cmd).execute(args.toArray(String[]::new));

            JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            System.out.println("demo --json on " + where + ": " + result); // the timings are the figures' raw data
            assertThat(exit).as(result.toString()).isZero();
            assertThat(result.path("state").asText()).isEqualTo("MERGED");
            assertThat(result.path("forge").asText()).isEqualTo(where);
            assertThat(result.path("ticket_status").asText()).isEqualTo("Done");
            assertThat(result.path("heal_rounds").asInt()).isEqualTo(1);
            String merge = result.path("pull_request").path("merge_commit").asText();
            assertThat(result.path("pull_request").path("number").asInt()).isEqualTo(1);
            String prUrl = github ? "https://github.com/" + REPO + "/pull/1" : "/repos/trackit/pulls/1";
            assertThat(result.path("pull_request").path("url").asText()).endsWith(prUrl);

            CodeForge forge = github ? dev.voxloop.app.GitHubTargets.target(GitHubSettings.from(new ConfigTree(
                    Map.of("github", Map.of("api_url", peer.apiUrl(), "token", peer.token())))), REPO, null,
                    forges.settings().mergeMethod(), 3).forge() : forges.forge();
            String repo = github ? REPO : "trackit";
            Git origin = new Git(github ? peer.repositoryPath(REPO) : Path.of(result.path("repository").asText()));
            assertThat(origin.run("rev-parse", "main").strip()).isEqualTo(merge);
            assertThat(origin.run("log", "--format=%s", "main").strip().lines().toList()).containsExactly(
                    "TRACK-1: Add Swedish VAT (moms) to invoices (#1)",
                    "TRACK-0: TrackIt time tracking in whole öre");
            assertThat(origin.run("branch", "--list").strip()).isEqualTo("* main");
            String key = result.path("ticket").asText();
            assertThat(tracker.find(key).orElseThrow().comments()).anyMatch(c -> c.body().contains(merge)
                    && c.body().contains(prUrl));
            assertThat(runs.turns(runs.list(1).get(0).id())).hasSize(5);

            // the first review asks for the debugging print to go, the fix turn removes it, the second approves
            JsonNode kept = result.path("reviews");
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0).path("verdict").asText()).isEqualTo("REQUEST_CHANGES");
            assertThat(kept.get(0).path("findings")).singleElement().satisfies(f -> {
                assertThat(f.path("category").asText()).isEqualTo("debug-leftover");
                assertThat(f.path("path").asText()).isEqualTo("src/main/java/se/trackit/VatRate.java");
            });
            assertThat(kept.get(1).path("verdict").asText()).isEqualTo("APPROVE");
            assertThat(kept.get(1).path("round").asInt()).isEqualTo(2);
            List<String> steps = new ObjectMapper().convertValue(result.path("steps"),
                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            int requested = steps.indexOf("review round 1: REQUEST_CHANGES (1 blocking)");
            int approved = steps.indexOf("review round 2: APPROVE");
            assertThat(requested).as(steps.toString()).isNotNegative();
            assertThat(steps.subList(requested, approved)).as(steps.toString()).contains("agent turn 5");
            assertThat(steps.get(steps.size() - 1)).as(steps.toString()).startsWith("merged ");
            assertThat(origin.run("show", "main:src/main/java/se/trackit/VatRate.java")).doesNotContain("System.out");
            String body = forge.pullRequest(repo, 1).body();
            assertThat(body).contains("## Traceability").contains("VatTest.testReducedRates")
                    .doesNotContain("no test named").doesNotContain("not run");
            String head = runs.list(1).get(0).forge().head();
            assertThat(forge.checks(repo, head)).isNotEmpty().allMatch(c -> c.passed());
            // the reviews are on the forge: changes requested on the first head, approved on the last
            List<Review> posted = forge.reviews(repo, 1);
            assertThat(posted).hasSize(2);
            assertThat(posted.get(0).comments()).anyMatch(c -> c.body().contains("debug-leftover"));
            assertThat(posted.get(1).comments()).isEmpty();

            if (github) {
                // the raw data of docs/benchmarks.md's "through the loop" row (bench/github.sh)
                System.out.println("GitHub API requests of the demo's pull request through the loop: "
                        + peer.served().size() + " (" + peer.served().stream().filter(s -> s.status() == 304).count()
                        + " answered 304), " + steps.size() + " steps");
                // a create that timed out after GitHub made it: one pull request; a merge refused once: one merge
                // (under heavy load a POST can also time out before GitHub made the pull request: the create is then
                // sent again and answered "already exists", still one pull request)
                assertThat(peer.pulls().numbers(REPO)).containsExactly(1);
                assertThat(peer.count(CREATE)).isBetween(1L, 2L);
                assertThat(peer.pulls().merges()).isEqualTo(1);
                assertThat(peer.count(MERGE)).isGreaterThanOrEqualTo(2);
                // the red docs job's log was read for the healing turn
                assertThat(peer.count("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs")).isPositive();
                assertThat(steps).containsSubsequence("CI red", "healing turn 1 (lint)", "CI green");
                // the token went to GitHub in headers and to git through the helper only
                String token = peer.token();
                assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(token);
                assertThat(events.log().after(0, 10_000).toString()).doesNotContain(token);
                assertThat(runs.list(1).toString()).doesNotContain(token);
                try (Stream<Path> files = Files.walk(tmp.resolve("demo"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith("/.git/config")).toList()) {
                        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(token);
                    }
                }
                Path workspace = Path.of(runs.list(1).get(0).workspace().path());
                assertThat(Files.readString(workspace.resolve(".git/config"))).contains(peer.cloneUrl(REPO));
                peer.assertClean();
            }
        } finally {
            for (AutoCloseable c : closing.reversed()) {
                c.close();
            }
        }
    }
}
