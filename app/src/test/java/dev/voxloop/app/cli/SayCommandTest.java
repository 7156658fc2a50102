package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import dev.voxloop.core.testing.TextAsSpeech;
import dev.voxloop.intake.IntakeService;
import dev.voxloop.intake.IntakeSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code voxloop say FILE} when the speech engine is unsure of a recording: the words are shown and the person
 * confirms or corrects them before anything is extracted; without a terminal the command stops with exit 3 and the
 * session to answer; {@code --yes} goes on without a check, the engine's doubt kept on the draft.
 */
class SayCommandTest {

    static final String HEARD = "high priority bug in book it the calendar crashes on safari. it should open";

    @TempDir
    Path dir;

    final InMemoryIntakeRepository sessions = new InMemoryIntakeRepository();
    final InMemoryTracker tracker = InMemoryTracker.withSampleProjects("http://tickets");
    final IntakeService intake = new IntakeService(sessions, new TextAsSpeech(), new KeywordExtractor(), tracker,
            new InMemoryLoopQueue(Clock.systemUTC()), new EventBus(new InMemoryEventLog()),
            new IntakeSettings(false, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0.6, false, null),
            Clock.systemUTC(), () -> "s1");
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final List<String> prompts = new ArrayList<>();

    /** A terminal whose person types {@code answers} in turn (null: Ctrl-D); none at all when {@code answers} is. */
    Terminal person(String... answers) {
        Deque<String> left = answers == null ? null : new LinkedList<>(Arrays.asList(answers));
        return new Terminal() {
            @Override
            public boolean present() {
                return left != null;
            }

            @Override
            public String ask(String prompt) {
                prompts.add(prompt);
                return left == null || left.isEmpty() ? null : left.poll();
            }
        };
    }

    int say(Terminal terminal, String... args) throws Exception {
        Path clip = dir.resolve("request.wav");
        Files.write(clip, TextAsSpeech.heard(HEARD, 0.42));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        all.add(clip.toString());
        return new CommandLine(new SayCommand(() -> intake, terminal, out)).execute(all.toArray(String[]::new));
    }

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    IntakeSession only() {
        return sessions.find("s1").orElseThrow();
    }

    @Test
    void theUnsureWordsAreShownAndEnterConfirmsThem() throws Exception {
        assertThat(say(person("", ""))).isZero(); // Enter: the words are right; Enter: file the read-back

        assertThat(output()).contains("I heard (the speech engine is 42 % sure):", "  " + HEARD)
                .contains("Filed BOOK-");
        assertThat(prompts).first().asString().contains("Press Enter if that is right, or type what you said");
        assertThat(only().heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.AS_HEARD);
        assertThat(only().extraction().confidence()).doesNotContainKey("transcript");
    }

    @Test
    void typedWordsReplaceWhatWasHeardBeforeExtraction() throws Exception {
        assertThat(say(person("Add a feature to StoreIt: customers keep a wishlist. It should keep items", "")))
                .isZero();

        IntakeSession s = only();
        assertThat(s.state()).isEqualTo(IntakeState.CREATED);
        assertThat(s.text()).startsWith("Add a feature to StoreIt");
        assertThat(s.draft().projectKey()).isEqualTo("STORE");
        assertThat(s.heard()).isEqualTo(new HeardTranscript(HEARD, 0.42, "text-as-speech",
                HeardTranscript.Confirmation.CORRECTED));
        assertThat(output()).contains("Filed STORE-");
    }

    @Test
    void endOfInputDiscardsTheRequest() throws Exception {
        assertThat(say(person((String) null))).isZero();

        assertThat(only().state()).isEqualTo(IntakeState.DISCARDED);
        assertThat(tracker.size()).isZero();
    }

    @Test
    void withoutATerminalItStopsWithTheSessionToAnswer() throws Exception {
        assertThat(say(person((String[]) null))).isEqualTo(3);

        JsonNode line = new ObjectMapper().readTree(output().strip());
        assertThat(line.path("status").asText()).isEqualTo("transcript_confirmation_needed");
        assertThat(line.path("session_id").asText()).isEqualTo("s1");
        assertThat(line.path("transcript").asText()).isEqualTo(HEARD);
        assertThat(line.path("confidence").asDouble()).isEqualTo(0.42);
        assertThat(only().state()).isEqualTo(IntakeState.CONFIRMING);
        assertThat(only().extraction()).isNull();
    }

    @Test
    void yesGoesOnUncheckedWithTheEnginesDoubtOnTheDraft() throws Exception {
        assertThat(say(person((String[]) null), "--yes")).isZero();

        IntakeSession s = only();
        assertThat(s.state()).isEqualTo(IntakeState.CREATED);
        assertThat(s.heard().confirmation()).isEqualTo(HeardTranscript.Confirmation.UNCHECKED);
        assertThat(s.extraction().confidence()).allSatisfy((field, c) -> assertThat(c).isLessThanOrEqualTo(0.42));
        assertThat(output()).contains("heard    : " + HEARD + "  (not checked; the engine was 42 % sure)")
                .contains("! unsure_transcript: the speech engine is only 42 % sure");
        assertThat(prompts).isEmpty();
    }
}
