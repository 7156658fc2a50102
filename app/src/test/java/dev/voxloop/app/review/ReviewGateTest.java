package dev.voxloop.app.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Forges;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.forge.review.BuiltinReviewer;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.ForgeStage;
import dev.voxloop.loop.forge.PullRequestReview.Verdict;
import dev.voxloop.loop.forge.StepResult;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.Usage;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.review.ModelReviewSettings;
import dev.voxloop.intent.review.ModelReviewers;
import dev.voxloop.intent.review.ReviewFixture;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
import java.time.Duration;
import dev.voxloop.loop.review.ReviewGate;
import dev.voxloop.loop.review.ReviewPolicy;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.review.JdbiReviewLog;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review gate on the real built-in forge, tracker and database: a review per head posted once, the policy's
 * last round blocking the run with the findings on the ticket, a person's approval waited for, people's change
 * requests blocking, and follow-up tickets filed once.
 */
class ReviewGateTest {

    @TempDir
    Path tmp;

    record Setup(BuiltinForge forge, BuiltinTracker tracker, JdbiReviewLog log, EventBus events, Ticket ticket,
                 PullRequest pr, LoopRun run, ForgeTarget target) {

        ReviewGate gate(ReviewPolicy policy) {
            return gate(policy, List.of(BuiltinReviewer.standard()), null);
        }

        ReviewGate gate(ReviewPolicy policy, List<Reviewer> reviewers, LoopQueue queue) {
            return new ReviewGate(reviewers, log, tracker, queue, events, k -> policy, Clock.systemUTC());
        }

        PullRequest current() {
            return forge.pullRequest("shop", pr.number());
        }

        Verdict review(ReviewPolicy policy) {
            return gate(policy).review(run, ticket, target, forge.pullRequest("shop", pr.number()));
        }
    }

    private Setup setup(Database db, Forges forges, String file, String content) throws Exception {
        Clock clock = Clock.systemUTC();
        BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()), "http://t", clock);
        BuiltinForge forge = forges.forge();
        Path src = Files.createDirectories(tmp.resolve("shop"));
        git(src, "init", "-q", "-b", "main");
        Files.writeString(src.resolve("README.md"), "# Shop\n");
        Files.writeString(src.resolve("CODEOWNERS"), "/deploy/ @shop/ops\n");
        git(src, "add", "-A");
        git(src, "commit", "-q", "-m", "initial");
        forge.importRepository(src.toString(), "shop");
        Ticket ticket = tracker.create(new TicketDraft("Customers can save items to a wishlist", "",
                List.of("A customer can save an item"), IssueType.STORY, Priority.MEDIUM, "SHOP", null, List.of()),
                new Provenance("gate-1", false, "wishlist", Instant.now()));
        String branch = "feature/" + ticket.key() + "-wishlist";
        git(src, "checkout", "-q", "-b", branch);
        Files.createDirectories(src.resolve(file).getParent());
        Files.writeString(src.resolve(file), content);
        git(src, "add", "-A");
        git(src, "commit", "-q", "-m", ticket.key() + ": wishlist");
        git(src, "push", "-q", forge.bareRepositories().path("shop").toString(), branch);
        PullRequest pr = forge.open("shop", new PullRequestDraft(ticket.key() + ": wishlist", "Ticket: " + ticket.key(),
                branch, "main"));
        LoopRun run = LoopRun.start("run-1", new TicketRef(ticket.key(), "SHOP"), "w1", "replay", Instant.now())
                .preparedIn(new RunWorkspace(src.toString(), branch, "main", null, pr.headSha()))
                .withForge(ForgeProgress.NONE.opened("shop", pr.number(), pr.url(), pr.headSha()));
        return new Setup(forge, tracker, new JdbiReviewLog(db, clock), new EventBus(new JdbiEventLog(db, 1000)),
                ticket, pr, run, new ForgeTarget(forge, "shop", src.toString(), dev.voxloop.core.forge.MergeMethod.SQUASH,
                3));
    }

    private Forges forges(Database db) {
        return new Forges(ForgeSettings.from(ConfigTree.empty(), tmp.resolve("data")), db, () -> "http://127.0.0.1:1",
                () -> LoopSettings.from(ConfigTree.empty(), tmp), AgentSandbox.from(ConfigTree.empty(),
                        tmp.resolve("data"), e -> { }, Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void blockingFindingsAskForAFixUntilTheLastRoundThenBlockTheRunWithTheFindingsOnTheTicket() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "src/shop/Wishlist.java",
                    "package shop;\n\nclass Wishlist {\n    void save(String sku) {\n        System.out.println(sku);\n"
                            + "    }\n}\n");
            ReviewPolicy policy = new ReviewPolicy(List.of("voxloop-rules"), Severity.MAJOR,
                    ReviewPolicy.PersonApproval.NEVER, List.of(), 2, false, List.of());

            Verdict first = s.review(policy);
            assertThat(first).isInstanceOfSatisfying(Verdict.ChangesRequested.class, c -> assertThat(c.instruction())
                    .contains("src/shop/Wishlist.java:5").contains("debug-leftover").contains("round 1 of 2")
                    .contains("untraced-criterion"));
            Verdict again = s.review(policy); // the step retried: same head, same review, nothing posted twice
            assertThat(again).isInstanceOf(Verdict.ChangesRequested.class);
            assertThat(s.log().forRun("run-1")).hasSize(1);
            List<Review> posted = s.forge().reviews("shop", s.pr().number());
            assertThat(posted).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(Review.State.CHANGES_REQUESTED);
                assertThat(r.comments()).anySatisfy(c -> {
                    assertThat(c.path()).isEqualTo("src/shop/Wishlist.java");
                    assertThat(c.line()).isEqualTo(5);
                });
            });
            assertThat(s.forge().pullRequest("shop", s.pr().number()).body()).contains("## Traceability")
                    .contains("no test named");

            ReviewPolicy oneRound = new ReviewPolicy(List.of("voxloop-rules"), Severity.MAJOR,
                    ReviewPolicy.PersonApproval.NEVER, List.of(), 1, false, List.of());
            assertThatThrownBy(() -> s.review(oneRound)).isInstanceOfSatisfying(LoopFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.REVIEW_BLOCKED));
            assertThat(s.tracker().find(s.ticket().key()).orElseThrow().comments())
                    .anySatisfy(c -> assertThat(c.body()).contains("blocking finding").contains("Wishlist.java:5"));
        }
    }

    @Test
    void aPersonsApprovalIsWaitedForAndTheirChangeRequestBlocks() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "deploy/wishlist.sql", "CREATE TABLE wishlist (sku VARCHAR(20));\n");
            ReviewPolicy lenient = new ReviewPolicy(List.of("voxloop-rules"), Severity.CRITICAL,
                    ReviewPolicy.PersonApproval.PROTECTED, List.of(), 2, false, List.of());

            assertThat(s.review(lenient)).isInstanceOfSatisfying(Verdict.Pending.class,
                    p -> assertThat(p.why()).contains("deploy/wishlist.sql").contains("person"));

            s.forge().submitReview("shop", s.pr().number(), new ReviewDraft(ReviewDraft.Verdict.REQUEST_CHANGES,
                    "Please add an index on sku.", List.of()));
            assertThat(s.review(lenient)).isInstanceOfSatisfying(Verdict.ChangesRequested.class,
                    c -> assertThat(c.instruction()).contains("<review_data").contains("Please add an index on sku."));
        }
    }

    @Test
    void followUpFindingsBecomeOneTicketEach() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "Dockerfile", "FROM eclipse-temurin:21-jre\n");
            ReviewPolicy policy = new ReviewPolicy(List.of("voxloop-rules"), Severity.CRITICAL,
                    ReviewPolicy.PersonApproval.NEVER, List.of(), 2, false, List.of());
            assertThat(s.review(policy)).isInstanceOf(Verdict.Approve.class);
            s.review(policy);
            List<Ticket> followUps = s.tracker().list("SHOP", 50).stream()
                    .filter(t -> t.hasLabel("review-follow-up")).toList();
            assertThat(followUps).singleElement().satisfies(t -> {
                assertThat(t.parentKey()).isEqualTo(s.ticket().key());
                assertThat(t.summary()).contains("out-of-scope").contains("Dockerfile");
            });
        }
    }

    private static Reviewer model(String baseUrl, String key) {
        return ModelReviewers.chat(new ModelReviewSettings("openai", baseUrl, "gpt-review", key,
                Duration.ofSeconds(20), 60_000, 5), IntentSettings.defaults()).orElseThrow();
    }

    private static ReviewPolicy policy(Severity blocking, String... required) {
        return new ReviewPolicy(List.of(required), blocking, ReviewPolicy.PersonApproval.NEVER, List.of(), 2, false,
                List.of());
    }

    @Test
    void aModelsBlockingFindingBlocksTheMergeAndBecomesAFixTurnThatSpendsNoImplementationIteration()
            throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db);
             ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            Setup s = setup(db, forges, "src/shop/Wishlist.java", ReviewFixture.WISHLIST);
            peer.then(Reply.text(ReviewFixture.BLOCKING)).then(Reply.text(ReviewFixture.APPROVES));
            // the rules' untraced criterion is major: below this project's blocking level, so only the model blocks
            ReviewPolicy policy = policy(Severity.CRITICAL, "voxloop-rules", "model:gpt-review");
            ForgeStage stage = new ForgeStage(s.tracker(), s.events(), s.gate(policy, List.of(
                    BuiltinReviewer.standard(), model(peer.baseUrl(), peer.key())), null), Clock.systemUTC(),
                    Duration.ofMinutes(1));
            LoopRun atBudget = turns(s.run(), 3); // the implementation used every one of its 3 iterations
            Budgets budgets = new Budgets(3, Duration.ofHours(1), 0);
            assertThat(budgets.exceeded(atBudget, Instant.now())).isPresent();

            StepResult first = stage.review(atBudget, s.ticket(), s.target());

            assertThat(first).isInstanceOfSatisfying(StepResult.Move.class, m -> {
                assertThat(m.to()).isEqualTo(LoopState.ITERATING);
                assertThat(m.run().agent().nextInstruction()).contains("src/shop/Wishlist.java:5")
                        .contains("<review_data author=\"model:gpt-review\">sku.trim() throws on a null sku")
                        .doesNotContain("untraced-criterion");
                // the fix turns have a budget of their own: the run is not stopped for the implementation's
                assertThat(budgets.exceeded(m.run(), Instant.now())).isEmpty();
                assertThat(budgets.exceeded(turns(m.run(), 3), Instant.now())).hasValueSatisfying(why ->
                        assertThat(why).contains("review fix budget used up (3 turns on review findings, of 3)"));
            });
            List<Review> posted = s.forge().reviews("shop", s.pr().number());
            assertThat(posted).hasSize(2);
            assertThat(posted).filteredOn(r -> r.body().startsWith("model:gpt-review")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.state()).isEqualTo(Review.State.CHANGES_REQUESTED);
                        assertThat(r.comments()).singleElement().satisfies(c -> {
                            assertThat(c.path()).isEqualTo("src/shop/Wishlist.java");
                            assertThat(c.line()).isEqualTo(5);
                        });
                    });
            // the rules' own finding stays below the project's blocking level: their posted verdict is a comment
            assertThat(posted).filteredOn(r -> r.body().startsWith("voxloop-rules")).singleElement()
                    .satisfies(r -> assertThat(r.state()).isEqualTo(Review.State.COMMENTED));

            Path src = tmp.resolve("shop");
            Files.writeString(src.resolve("src/shop/Wishlist.java"), ReviewFixture.WISHLIST.replace(
                    "items.add(sku.trim());", "items.add(java.util.Objects.requireNonNull(sku, \"sku\").trim());"));
            git(src, "commit", "-q", "-am", s.ticket().key() + ": reject a null sku");
            git(src, "push", "-q", s.forge().bareRepositories().path("shop").toString(), s.run().workspace().branch());

            assertThat(s.gate(policy, List.of(BuiltinReviewer.standard(), model(peer.baseUrl(), peer.key())), null)
                    .review(s.run(), s.ticket(), s.target(), s.current()))
                    .isInstanceOfSatisfying(Verdict.Approve.class, a -> assertThat(a.summary())
                            .contains("model:gpt-review").contains("round 2"));
            peer.assertClean();
            assertThat(peer.received()).hasSize(2);
        }
    }

    @Test
    void theRulesPostedVerdictFollowsTheProjectsBlockingSeverity() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "src/shop/Wishlist.java",
                    "package shop;\n\nclass Wishlist {\n    void save(String sku) {\n        System.out.println(sku);\n"
                            + "    }\n}\n");

            Verdict v = s.review(policy(Severity.CRITICAL, "voxloop-rules"));

            assertThat(v).isInstanceOf(Verdict.Approve.class);
            assertThat(s.log().forRun("run-1")).singleElement().satisfies(r -> {
                assertThat(r.review().blocking(Severity.MAJOR)).isNotEmpty();
                assertThat(r.review().verdict()).isEqualTo(dev.voxloop.core.review.Verdict.COMMENT);
            });
            assertThat(s.forge().reviews("shop", s.pr().number())).singleElement()
                    .satisfies(r -> assertThat(r.state()).isEqualTo(Review.State.COMMENTED));
        }
    }

    @Test
    void aModelThatGivesNoReviewIsWaitedForWhenRequiredSkippedAndSaidSoWhenOptional() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "src/shop/Wishlist.java", ReviewFixture.WISHLIST);
            String gone;
            try (ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
                gone = peer.baseUrl();
            }
            List<Reviewer> both = List.of(BuiltinReviewer.standard(), model(gone, "sk-x"));

            Verdict required = s.gate(policy(Severity.CRITICAL, "voxloop-rules", "model:gpt-review"), both, null)
                    .review(s.run(), s.ticket(), s.target(), s.current());
            assertThat(required).isInstanceOfSatisfying(Verdict.Pending.class, p -> assertThat(p.why())
                    .contains("waiting for the required reviewer model:gpt-review").contains("not reachable"));

            Verdict optional = s.gate(policy(Severity.CRITICAL, "voxloop-rules"), both, null)
                    .review(s.run(), s.ticket(), s.target(), s.current());
            assertThat(optional).isInstanceOfSatisfying(Verdict.Approve.class, a -> assertThat(a.summary())
                    .contains("voxloop-rules approved").contains("skipped the optional reviewer model:gpt-review")
                    .contains("not reachable"));
            assertThat(s.log().forRun("run-1")).extracting(r -> r.review().reviewer()).containsExactly("voxloop-rules");

            try (ChatCompletionsPeer babbling = ChatCompletionsPeer.start()) {
                babbling.then(Reply.text("LGTM!")).then(Reply.text("Approved, ship it."));
                assertThatThrownBy(() -> s.gate(policy(Severity.CRITICAL, "voxloop-rules", "model:gpt-review"),
                        List.of(BuiltinReviewer.standard(), model(babbling.baseUrl(), babbling.key())), null)
                        .review(s.run(), s.ticket(), s.target(), s.current()))
                        .isInstanceOfSatisfying(LoopFailure.class, f -> {
                            assertThat(f.kind()).isEqualTo(FailureKind.REVIEW_BLOCKED);
                            assertThat(f.reason()).contains("model:gpt-review gave no usable review")
                                    .contains("not valid JSON");
                        });
                babbling.assertClean();
            }
        }
    }

    @Test
    void followUpTicketsAreQueuedOnTheRealQueueOnlyWhenThePolicySaysSo() throws Exception {
        try (Database db = Database.open(StoreSettings.embedded(tmp.resolve("data"))); Forges forges = forges(db)) {
            Setup s = setup(db, forges, "Dockerfile", "FROM eclipse-temurin:21-jre\n");
            JdbiLoopQueue queue = new JdbiLoopQueue(db, Clock.systemUTC());
            ReviewPolicy filesOnly = policy(Severity.CRITICAL, "voxloop-rules");
            ReviewPolicy queues = new ReviewPolicy(List.of("voxloop-rules"), Severity.CRITICAL,
                    ReviewPolicy.PersonApproval.NEVER, List.of(), 2, true, List.of());

            s.gate(filesOnly, List.of(BuiltinReviewer.standard()), queue).review(s.run(), s.ticket(), s.target(),
                    s.current());
            Ticket followUp = s.tracker().list("SHOP", 50).stream().filter(t -> t.hasLabel("review-follow-up"))
                    .findFirst().orElseThrow();
            assertThat(queue.find(followUp.key())).isEmpty();

            s.gate(queues, List.of(BuiltinReviewer.standard()), queue).review(s.run(), s.ticket(), s.target(),
                    s.current());
            s.gate(queues, List.of(BuiltinReviewer.standard()), queue).review(s.run(), s.ticket(), s.target(),
                    s.current());

            assertThat(s.tracker().list("SHOP", 50).stream().filter(t -> t.hasLabel("review-follow-up")))
                    .singleElement().satisfies(t -> assertThat(t.key()).isEqualTo(followUp.key()));
            assertThat(queue.find(followUp.key())).hasValueSatisfying(e -> {
                assertThat(e.status()).isEqualTo(QueueStatus.PENDING);
                assertThat(e.summary()).isEqualTo(followUp.summary());
            });
            assertThat(queue.list(QueueStatus.PENDING, 10)).singleElement()
                    .satisfies(e -> assertThat(e.key()).isEqualTo(followUp.key()));
            assertThat(queue.find(s.ticket().key())).isEmpty();
        }
    }

    /** The run after {@code n} more agent turns. */
    private static LoopRun turns(LoopRun run, int n) {
        LoopRun r = run;
        for (int i = 0; i < n; i++) {
            r = r.afterTurn(null, Usage.NONE, Instant.now());
        }
        return r;
    }

    private static void git(Path dir, String... args) {
        String[] argv = new String[args.length + 4];
        System.arraycopy(new String[] {"-c", "user.name=T", "-c", "user.email=t@example.com"}, 0, argv, 0, 4);
        System.arraycopy(args, 0, argv, 4, args.length);
        new dev.voxloop.loop.workspace.Git(dir).run(argv);
    }
}
