package dev.voxloop.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.ticket.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerVocabularyTest {

    @Test
    void namesAndKeysComeFirstThenTheDescriptionsPhrases() {
        List<String> words = TrackerVocabulary.of(List.of(
                new Project("EVT", "EventIt", "Event ticketing: events and venues, QR code tickets, door check-in.",
                        List.of("seating")),
                new Project("SHOP", "StoreIt", "E-commerce store: cart, checkout.", List.of())));
        assertThat(words).containsExactly("EVT", "EventIt", "seating", "SHOP", "StoreIt", "Event ticketing",
                "events and venues", "QR code tickets", "door check-in", "E-commerce store", "cart", "checkout");
    }

    @Test
    void aProjectWithoutDescriptionGivesItsNameAndKey() {
        assertThat(TrackerVocabulary.of(List.of(new Project("OPS", "Platform", null, null))))
                .containsExactly("OPS", "Platform");
    }
}
