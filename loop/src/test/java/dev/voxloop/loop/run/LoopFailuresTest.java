package dev.voxloop.loop.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.fixture.LoopFixture;
import dev.voxloop.loop.fixture.OnLoopFixture;
import dev.voxloop.loop.workspace.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run that cannot finish ends in the state its kind of failure calls for, with that kind persisted, announced
 * and explained on the ticket: an agent that cannot log in, a git failure and failing tests end differently.
 */
class LoopFailuresTest extends OnLoopFixture {

    @Test
    void anAgentThatCannotLogInBlocksTheRunAsUnavailableWithItsOwnWords() {
        LoopRun run = f.run(LoopFixture.agent(r -> {
            throw new LoopFailure.AgentUnavailable("Not logged in · Please run /login");
        }));

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.failure()).isEqualTo(FailureKind.AGENT_UNAVAILABLE);
        assertThat(run.reason()).contains("Not logged in");
        assertThat(run.iteration()).isZero();
        assertThat(f.runs.find(run.id()).orElseThrow().failure()).isEqualTo(FailureKind.AGENT_UNAVAILABLE);
        assertThat(f.lastComment()).contains("BLOCKED (agent unavailable)").contains("Not logged in")
                .contains("What to do:").contains("voxloop doctor");
        assertThat(f.log.all()).anyMatch(e -> e instanceof PipelineEvent.RunFinished r
                && r.failure() == FailureKind.AGENT_UNAVAILABLE && r.state() == LoopState.BLOCKED);
    }

    @Test
    void aGitFailureFailsTheRunAsInfrastructureSoTheWorkerRetriesIt() {
        LoopRun run = f.run(LoopFixture.agent(r -> {
            LoopFixture.finish(r.workspace());
            // the remote disappears while the agent works: the push after the gates cannot succeed
            new Git(r.workspace()).run("remote", "set-url", "origin", tmp.resolve("gone.git").toString());
            return TurnResult.done("finished");
        }));

        assertThat(run.state()).isEqualTo(LoopState.FAILED);
        assertThat(run.failure()).isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(run.reason()).startsWith("pushing feature/TRACK-1-make-it-done failed");
        assertThat(f.lastComment()).contains("FAILED (infrastructure failure)").contains("voxloop retries");
    }

    @Test
    void failingTestsUseUpTheBudgetAndBlockTheRunNamingWhatRemains() {
        LoopRun run = f.runner(LoopFixture.agent(r -> {
            write(r.workspace().resolve("note" + r.iteration() + ".txt"), "still no done.txt");
            return TurnResult.done("tried");
        }), new Budgets(2, Duration.ofMinutes(5), 0)).run(f.ticket.key(), "w1", () -> true);

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.failure()).isEqualTo(FailureKind.BUDGET_EXCEEDED);
        assertThat(f.lastComment()).contains("gate failing: tests").contains("criterion not done: done.txt exists");
    }

    @Test
    void aTurnThatAsksForAPersonKeepsItsUsageAndBlocksTheRun() {
        LoopRun run = f.run(LoopFixture.agent(r -> new TurnResult("<result>BLOCKED: which VAT rate?</result>",
                false, "which VAT rate?", "s1", 1000, 200, 0.25, "")));

        assertThat(run.failure()).isEqualTo(FailureKind.AGENT_BLOCKED);
        assertThat(run.reason()).isEqualTo("the agent needs a person: which VAT rate?");
        assertThat(run.iteration()).isEqualTo(1);
        assertThat(run.usage().costUsd()).isEqualTo(0.25);
        assertThat(run.agent().sessionId()).isEqualTo("s1");
    }

    @Test
    void anUnexpectedErrorFailsTheRunAsInternal() {
        LoopRun run = f.run(LoopFixture.agent(r -> {
            throw new IllegalStateException("a bug in an agent adapter");
        }));

        assertThat(run.state()).isEqualTo(LoopState.FAILED);
        assertThat(run.failure()).isEqualTo(FailureKind.INTERNAL);
        assertThat(run.reason()).isEqualTo("the run failed: IllegalStateException: a bug in an agent adapter");
    }

    @Test
    void aProjectWithoutAUsableRepositoryIsAConfigurationProblem() {
        LoopRun run = f.run(LoopFixture.finisher());
        assertThat(run.state()).isEqualTo(LoopState.PUSHED);

        write(f.repo.work.resolve(".voxloop/loop.yaml"), "active_profile: missing\n");
        f.repo.commit("TRACK-0: a broken repository file");
        f.repo.git.run("push", "-q", "origin", "main");
        Ticket t2 = f.tracker.create(new TicketDraft("Again", "x", List.of("y"), IssueType.TASK, Priority.LOW,
                "TRACK", null, List.of()), new Provenance("i2", false, "x", null));
        LoopRun second = f.runner(LoopFixture.finisher(), Budgets.DEFAULTS).run(t2.key(), "w1", () -> true);

        assertThat(second.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(second.failure()).isEqualTo(FailureKind.MISCONFIGURED);
        assertThat(second.reason()).contains("active_profile 'missing'");
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
