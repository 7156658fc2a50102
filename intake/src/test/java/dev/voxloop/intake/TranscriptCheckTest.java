package dev.voxloop.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.testing.TextAsSpeech;
import dev.voxloop.core.transcript.Hypothesis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The person's check of an unsure transcript: below pipeline.confirm_below the intake waits with the heard words,
 * nothing is extracted until they are confirmed or corrected, and the engine's doubt in words nobody checked caps
 * the draft in every round and after a restart.
 */
class TranscriptCheckTest {

    static final String HEARD = "bug in book it the calendar crashes on safari. it should open";

    final InMemoryIntakeRepository sessions = new InMemoryIntakeRepository();
    final InMemoryEventLog log = new InMemoryEventLog();
    final InMemoryTracker tracker = InMemoryTracker.withSampleProjects("http://tickets");
    final ManualClock clock = ManualClock.startingNow();
    final RestartResumeTest.CountingExtractor extractor = new RestartResumeTest.CountingExtractor();
    final AtomicInteger ids = new AtomicInteger();

    IntakeService intake(boolean approval, double confirmBelow) {
        IntakeSettings s = new IntakeSettings(approval, 3, Duration.ofMinutes(30), Duration.ofHours(24),
                confirmBelow, false, null);
        return new IntakeService(sessions, new TextAsSpeech(), extractor, tracker,
                new InMemoryLoopQueue(clock), new EventBus(log), s, clock, () -> "s" + ids.incrementAndGet());
    }

    static AudioUpload spoken(String text, double confidence) {
        return new AudioUpload(TextAsSpeech.heard(text, confidence), "clip.wav", "audio/wav");
    }

    static final List<Hypothesis> OTHERS = List.of(new Hypothesis("bug in bookit the calendar crashes on safari", 0.3),
            new Hypothesis("bug in bucket the calendar crashes on safari", 0.1));

    @Test
    void theEnginesReadingsOfWordsNobodyCheckedReachTheExtractorAndAreStored() {
        IntakeService intake = intake(true, 0.6);
        String id = intake.submitAudio(new AudioUpload(TextAsSpeech.heard(HEARD, 0.8, OTHERS), "c.wav", "audio/wav"))
                .session().id();

        List<Hypothesis> heardAs = extractor.last.heardAs();
        assertThat(heardAs).extracting(Hypothesis::text).containsExactly(HEARD, OTHERS.get(0).text(),
                OTHERS.get(1).text());
        assertThat(heardAs.getFirst().weight()).isCloseTo(0.6, within(1e-9));
        assertThat(sessions.find(id).orElseThrow().heard().readings()).isEqualTo(heardAs);
    }

    @Test
    void wordsThePersonConfirmedOrCorrectedHaveNoOtherReadings() {
        IntakeService intake = intake(true, 0.6);
        String asHeard = intake.submitAudio(new AudioUpload(TextAsSpeech.heard(HEARD, 0.4, OTHERS), "c.wav",
                "audio/wav")).session().id();
        intake.confirm(asHeard, "");
        assertThat(extractor.last.heardAs()).isEmpty();
        assertThat(sessions.find(asHeard).orElseThrow().heard().hypotheses()).isEmpty();

        String corrected = intake.submitAudio(new AudioUpload(TextAsSpeech.heard(HEARD, 0.4, OTHERS), "c.wav",
                "audio/wav")).session().id();
        intake.confirm(corrected, "bug in TrackIt: the timer stops at midnight");
        assertThat(extractor.last.heardAs()).isEmpty();

        // taken as heard without anyone reading them, the words are still one reading among the engine's
        String unchecked = intake.submitAudio(new AudioUpload(TextAsSpeech.heard(HEARD, 0.4, OTHERS), "c.wav",
                "audio/wav")).session().id();
        intake.proceedUnchecked(unchecked);
        assertThat(extractor.last.heardAs()).hasSize(3);
    }

    @Test
    void anUnsureTranscriptWaitsForThePersonAndNothingIsExtracted() {
        IntakeOutcome out = intake(true, 0.6).submitAudio(spoken(HEARD, 0.42));

        assertThat(out).isInstanceOf(IntakeOutcome.NeedsConfirmation.class);
        IntakeSession s = sessions.find(out.session().id()).orElseThrow();
        assertThat(s.state()).isEqualTo(IntakeState.CONFIRMING);
        assertThat(s.heard()).isEqualTo(new HeardTranscript(HEARD, 0.42, "text-as-speech",
                HeardTranscript.Confirmation.PENDING));
        assertThat(s.text()).isEqualTo(HEARD);
        assertThat(s.extraction()).isNull();
        assertThat(s.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(extractor.calls).hasValue(0);
        assertThat(log.all()).filteredOn(e -> e instanceof PipelineEvent.TranscriptConfirmationNeeded)
                .singleElement().satisfies(e -> {
                    var need = (PipelineEvent.TranscriptConfirmationNeeded) e;
                    assertThat(need.text()).isEqualTo(HEARD);
                    assertThat(need.confidence()).isEqualTo(0.42);
                    assertThat(need.confirmBelow()).isEqualTo(0.6);
                });
    }

    @Test
    void confirmedAsHeardTheDraftIsTheExtractorsOwnAndCanBeFiledDirectly() {
        IntakeService intake = intake(false, 0.6);
        String id = intake.submitAudio(spoken("high priority " + HEARD, 0.42)).session().id();

        IntakeOutcome out = intake.confirm(id, "  ");

        assertThat(out).isInstanceOf(IntakeOutcome.Filed.class);
        IntakeSession s = out.session();
        assertThat(s.heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.AS_HEARD);
        assertThat(s.extraction().confidence()).doesNotContainKey("transcript").containsEntry("issue_type", 0.9);
        assertThat(s.extraction().flags()).noneMatch(f -> f.startsWith(HeardConfidence.FLAG));
        assertThat(tracker.find(s.ticketKey()).orElseThrow().labels()).contains("VOICE_INITIATED");
        assertThat(log.all()).filteredOn(e -> e instanceof PipelineEvent.TranscriptConfirmed).singleElement()
                .satisfies(e -> assertThat(((PipelineEvent.TranscriptConfirmed) e).corrected()).isFalse());
    }

    @Test
    void wordsTakenUncheckedKeepTheEnginesDoubtAndWaitForTheReadBackEvenWithApprovalOff() {
        IntakeService intake = intake(false, 0.6);
        String id = intake.submitAudio(spoken("high priority " + HEARD, 0.42)).session().id();

        IntakeOutcome out = intake.proceedUnchecked(id);

        assertThat(out).isInstanceOf(IntakeOutcome.NeedsApproval.class);
        IntakeSession s = out.session();
        assertThat(s.heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.UNCHECKED);
        assertThat(s.extraction().confidence()).containsEntry("transcript", 0.42)
                .allSatisfy((field, c) -> assertThat(c).isLessThanOrEqualTo(0.42));
        assertThat(s.extraction().flags()).anyMatch(f -> f.startsWith(HeardConfidence.FLAG));
        assertThat(tracker.size()).isZero();
        assertThatThrownBy(() -> intake.confirm(id, null)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void aCorrectionReplacesTheWordsExtractedFromAndKeepsWhatWasHeard() {
        IntakeService intake = intake(true, 0.6);
        String id = intake.submitAudio(spoken("add a wish list to store it. it should keep items", 0.35)).session().id();

        IntakeOutcome out = intake.confirm(id, "Add a feature to StoreIt: customers keep a wishlist. It should keep items");

        assertThat(out).isInstanceOf(IntakeOutcome.NeedsApproval.class);
        IntakeSession s = out.session();
        assertThat(s.text()).isEqualTo("Add a feature to StoreIt: customers keep a wishlist. It should keep items");
        assertThat(s.conversation()).isEqualTo(s.text());
        assertThat(s.heard()).isEqualTo(new HeardTranscript("add a wish list to store it. it should keep items", 0.35, "text-as-speech",
                HeardTranscript.Confirmation.CORRECTED));
        assertThat(s.draft().projectKey()).isEqualTo("STORE");
        assertThat(s.draft().issueType()).isEqualTo(IssueType.STORY);
        assertThat(s.extraction().confidence()).doesNotContainKey("transcript");
        assertThat(extractor.calls).hasValue(1);
    }

    @Test
    void onlyAWaitingSessionTakesAConfirmationAndItMayBeDiscardedOrExpire() {
        IntakeService intake = intake(true, 0.6);
        String typed = intake.submitText("Bug in BookIt: the calendar crashes on Safari. It should open", false).session().id();
        assertThatThrownBy(() -> intake.confirm(typed, null)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
        assertThatThrownBy(() -> intake.confirm("nope", null)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));

        String dropped = intake.submitAudio(spoken(HEARD, 0.4)).session().id();
        assertThat(intake.discard(dropped).session().state()).isEqualTo(IntakeState.DISCARDED);

        String late = intake.submitAudio(spoken(HEARD, 0.4)).session().id();
        clock.advance(Duration.ofMinutes(31));
        assertThat(intake.expireDue()).isEqualTo(1);
        assertThat(sessions.find(late).orElseThrow().state()).isEqualTo(IntakeState.EXPIRED);
        assertThatThrownBy(() -> intake.confirm(late, null)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.GONE));

        String twice = intake.submitAudio(spoken(HEARD, 0.4)).session().id();
        intake.confirm(twice, null);
        assertThatThrownBy(() -> intake.confirm(twice, "something else")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void wordsTheEngineWasSureEnoughOfGoStraightOnCappedInEveryRoundAndAfterARestart() {
        IntakeService intake = intake(true, 0.6);
        // no project named: the intake asks which one
        IntakeOutcome asked = intake.submitAudio(spoken("a bug: the calendar crashes on safari. it should open",
                0.71));
        assertThat(asked).isInstanceOf(IntakeOutcome.NeedsClarification.class);
        String id = asked.session().id();
        assertThat(asked.session().heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.NOT_ASKED);
        assertThat(asked.session().extraction().confidence()).containsEntry("transcript", 0.71)
                .allSatisfy((field, c) -> assertThat(c).isLessThanOrEqualTo(0.71));

        IntakeOutcome answered = intake.clarify(id, "BookIt");
        assertThat(answered.session().draft().projectKey()).isEqualTo("BOOK");
        assertThat(answered.session().extraction().confidence()).containsEntry("transcript", 0.71)
                .allSatisfy((field, c) -> assertThat(c).isLessThanOrEqualTo(0.71));

        // a crash in the middle of an extraction: a new process resumes it from the stored session
        String again = intake.submitAudio(spoken("a bug in bookit: the calendar crashes on safari. it should open",
                0.74)).session().id();
        IntakeSession previewing = sessions.find(again).orElseThrow();
        IntakeSession crashed = sessions.update(new IntakeSession(previewing.id(), IntakeState.EXTRACTING, true,
                previewing.text(), previewing.heard(), previewing.questions(), previewing.answers(), null, null,
                previewing.gaps(), null, null, null, previewing.createdAt(), previewing.updatedAt(), null,
                previewing.version()));
        assertThat(crashed.heard().confidence()).isEqualTo(0.74);

        assertThat(intake(true, 0.6).resumeInterrupted()).isEqualTo(1);
        IntakeSession resumed = sessions.find(again).orElseThrow();
        assertThat(resumed.state()).isEqualTo(IntakeState.PREVIEWING);
        assertThat(resumed.extraction().confidence()).containsEntry("transcript", 0.74)
                .allSatisfy((field, c) -> assertThat(c).isLessThanOrEqualTo(0.74));
    }

    @Test
    void zeroNeverAsksAndAnEngineWithoutAFigureIsNeverAsked() {
        IntakeService never = intake(true, 0.0);
        assertThat(never.submitAudio(spoken(HEARD, 0.31))).isInstanceOf(IntakeOutcome.NeedsApproval.class);

        IntakeService usual = intake(true, 0.6);
        IntakeOutcome noFigure = usual.submitAudio(new AudioUpload(HEARD.getBytes(), "c.wav", "audio/wav"));
        assertThat(noFigure).isInstanceOf(IntakeOutcome.NeedsApproval.class);
        assertThat(noFigure.session().heard().confidence()).isNull();
        assertThat(noFigure.session().extraction().confidence()).doesNotContainKey("transcript");
    }
}
