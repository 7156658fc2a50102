package dev.voxloop.speech;

import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The words a tracker contributes to speech recognition: project keys and names, component words. */
public final class TrackerVocabulary {

    private TrackerVocabulary() {
    }

    /** A supplier for {@link SpeechEngines#create}; an unreachable tracker yields no words, never an error. */
    public static Supplier<List<String>> of(TicketTracker tracker) {
        return () -> {
            List<String> words = new ArrayList<>();
            try {
                for (Project p : tracker.projects()) {
                    words.add(p.key());
                    words.add(p.name());
                    words.addAll(p.components());
                }
            } catch (RuntimeException e) {
                return List.of(); // the words only sharpen recognition: without them it still works
            }
            return words.stream().filter(w -> w != null && !w.isBlank()).distinct().toList();
        };
    }
}
