package dev.voxloop.speech;

import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The words a tracker contributes to speech recognition: project keys and names, component words, and the
 * phrases of each project's description ("QR code tickets", "door check-in"), which are the words people use
 * for a project when they do not name it.
 */
public final class TrackerVocabulary {

    private TrackerVocabulary() {
    }

    /** A supplier for {@link SpeechEngines#create}; an unreachable tracker yields no words, never an error. */
    public static Supplier<List<String>> of(TicketTracker tracker) {
        return () -> {
            try {
                return of(tracker.projects());
            } catch (RuntimeException e) {
                return List.of(); // the words only sharpen recognition: without them it still works
            }
        };
    }

    /** Keys, names and component words of every project first, then the phrases of their descriptions. */
    public static List<String> of(List<Project> projects) {
        List<String> words = new ArrayList<>();
        for (Project p : projects) {
            words.add(p.key());
            words.add(p.name());
            words.addAll(p.components());
        }
        for (Project p : projects) {
            words.addAll(phrases(p.description()));
        }
        return words.stream().filter(w -> w != null && !w.isBlank()).distinct().toList();
    }

    /** A description cut where its punctuation separates items: "cart, checkout, orders." -> cart | checkout | orders. */
    static List<String> phrases(String description) {
        List<String> out = new ArrayList<>();
        for (String part : description.split("[,;:.!?()\\[\\]]+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
