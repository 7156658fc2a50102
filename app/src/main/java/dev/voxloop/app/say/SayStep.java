package dev.voxloop.app.say;

import dev.voxloop.core.ticket.LikelyDuplicate;
import java.util.List;

/**
 * Where one request stands after a step of {@code voxloop say}, whether the intake ran in this process or in a
 * running server: a question to answer, a read-back to approve, a filed ticket, or nothing filed.
 */
public sealed interface SayStep {

    String sessionId();

    /** The request and every answer, joined with " | " (the API's transcribed_text). */
    String conversation();

    /** The speech engine is unsure of the words: confirm them (or correct them) before extraction. */
    record Confirm(String sessionId, String conversation, String heard, Double confidence) implements SayStep {
    }

    record Question(String sessionId, String conversation, String question, List<String> choices)
            implements SayStep {
        public Question {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    record Preview(String sessionId, String conversation, ReadBack readBack) implements SayStep {
    }

    /**
     * @param url   the ticket's page, or null when no server is running to show it
     * @param notes what the tracker did differently from the read-back (a field added after creation)
     */
    record Filed(String sessionId, String conversation, String key, String summary, String url, boolean queued,
                 List<String> notes) implements SayStep {
        public Filed {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    record Discarded(String sessionId, String conversation) implements SayStep {
    }

    /**
     * The draft as the person is asked to approve it.
     *
     * @param heard      what the speech engine heard, with how sure it was and who checked it, or null (typed)
     * @param duplicates open tickets the draft seems to repeat, most alike first
     */
    record ReadBack(String heard, String project, String type, String priority, String summary,
                    List<String> criteria, List<String> gaps, List<String> flags, List<LikelyDuplicate> duplicates) {
        public ReadBack {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            gaps = gaps == null ? List.of() : List.copyOf(gaps);
            flags = flags == null ? List.of() : List.copyOf(flags);
            duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
        }
    }
}
