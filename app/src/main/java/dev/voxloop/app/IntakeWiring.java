package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intake.IntakeIds;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intake.IntakeService;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The first stages of the journey wired: which tracker tickets are filed in ({@link Trackers}), which speech
 * engine and intent extractor listen ({@link Engines}), and the intake state machine that drives them from a
 * request to a queued ticket.
 */
final class IntakeWiring {

    private final TicketTracker tracker;
    private final Engines engines;
    private final IntakeService intake;

    IntakeWiring(ConfigTree tree, Stores stores, Supplier<String> publicUrl, Clock clock, CloseList closeables) {
        this.tracker = Trackers.create(tree, stores.database(), publicUrl, clock);
        this.engines = new Engines(tree, tracker, closeables);
        this.intake = new IntakeService(new JdbiIntakeRepository(stores.database()), engines.speech(),
                engines.extractor(), tracker, engines.duplicates(), stores.queue(), stores.events(), IntakeSettings.from(tree), clock, IntakeIds::next);
    }

    TicketTracker tracker() {
        return tracker;
    }

    /** The speech engine, or null for {@code speech.engine: none}. */
    SpeechToText speech() {
        return engines.speech();
    }

    IntentExtractor extractor() {
        return engines.extractor();
    }

    Engines engines() {
        return engines;
    }

    IntakeService intake() {
        return intake;
    }
}
