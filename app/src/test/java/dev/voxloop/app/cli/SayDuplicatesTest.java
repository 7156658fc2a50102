package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import dev.voxloop.core.testing.WordOverlapDuplicates;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.intake.IntakeService;
import dev.voxloop.intake.IntakeSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code voxloop say}'s read-back names the open tickets the request seems to repeat and asks to file anyway. */
class SayDuplicatesTest {

    final InMemoryTracker tracker = InMemoryTracker.withSampleProjects("http://tickets");
    final IntakeService intake = new IntakeService(new InMemoryIntakeRepository(), null, new KeywordExtractor(),
            tracker, new WordOverlapDuplicates(0.5), new InMemoryLoopQueue(Clock.systemUTC()),
            new EventBus(new InMemoryEventLog()),
            new IntakeSettings(true, 3, Duration.ofMinutes(30), Duration.ofHours(24), 0.6, false, null),
            Clock.systemUTC(), () -> "s1");
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final List<String> prompts = new ArrayList<>();

    @Test
    void theReadBackNamesTheLikelyDuplicateAndNoKeepsItUnfiled() {
        String open = tracker.create(new TicketDraft("the calendar crashes on Safari", "", List.of("it opens"), null,
                null, "BOOK", null, List.of()), new Provenance("seed", false, "", Instant.now())).key();
        Terminal person = new Terminal() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public String ask(String prompt) {
                prompts.add(prompt);
                return "n";
            }
        };
        int exit = new CommandLine(new SayCommand(() -> intake, person,
                new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("Bug in BookIt: the calendar crashes on Safari. It should open.");

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("may already be filed (open tickets of BOOK):")
                .containsPattern(open + "  the calendar crashes on Safari  \\(\\d+ % alike\\)");
        assertThat(prompts).containsExactly("File this ticket anyway? [Y/n] ");
        assertThat(out).contains("discarded");
        assertThat(tracker.size()).as("nothing filed").isEqualTo(1);
    }
}
