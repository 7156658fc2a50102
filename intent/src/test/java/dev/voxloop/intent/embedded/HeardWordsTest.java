package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.intent.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ticket words a speech engine mishears, written back as meant for heard words only. */
class HeardWordsTest {

    private final EmbeddedExtractor extractor = EmbeddedExtractor.rulesOnly();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Customers can't pay since the last update is emergent.    | Customers can't pay since the last update is urgent.
            This is Sergeant, the cart is empty                       | This is urgent, the cart is empty
            that's a Blacker for the team                             | that's a blocker for the team
            a miner thing in the footer                               | a minor thing in the footer
            Hi Priority, the calendar crashes                         | high Priority, the calendar crashes
            drops the last word of every recording, type priority.    | drops the last word of every recording, high priority.
            add a dark mode to the admin pages, no lush.              | add a dark mode to the admin pages, no rush.
            takes forty minutes now, low pry or achieve but annoying  | takes forty minutes now, low priority but annoying
            the checkout page is slow, medium, pariah, or a tea.      | the checkout page is slow, medium, priority.
            And gift cards to the store                               | Add gift cards to the store
            At a field for a purchase order number on invoices        | Add a field for a purchase order number on invoices
            At the checkout the total is wrong                        | At the checkout the total is wrong
            Bug the order email shows the wrong currency              | Bug: the order email shows the wrong currency
            for holidays, blow priority.                              | for holidays, low priority.
            Lopari aurichi the footer on the invoice has a typo       | low priority the footer on the invoice has a typo
            for holidays, lo parai or a chi                           | for holidays, low priority
            doesn't load in Firefox, Hyper-i, or a G..                | doesn't load in Firefox, high-priority..
            should take 5. Hi, priority, please.                      | should take 5. high priority, please.
            Travel the tooltip on the refund button is cut off        | Trivial the tooltip on the refund button is cut off
            nobody can test and it's locking the release.             | nobody can test and it's blocking the release.
            so nobody can test and it's lacking the releases          | so nobody can test and it's blocking the releases
            share the same logic, low-per-eye or a G.                 | share the same logic, low-priority.
            Travel expenses are not exported                          | Travel expenses are not exported
            dark mode for the organiser pages, the ice to have        | dark mode for the organiser pages, nice to have
            a different fee per treatment at a big deal.              | a different fee per treatment not a big deal.
            I or a colleague will check it                            | I or a colleague will check it
            Bug Jonas about the release notes                         | Bug Jonas about the release notes
            The agent loop keeps retrying, and a type of error stays  | The agent loop keeps retrying, and a type of error stays
            """)
    void misheardTicketWordsAreWrittenAsMeant(String heard, String meant) {
        assertThat(HeardWords.asMeant(heard)).isEqualTo(meant);
    }

    @Test
    void aMisheardPriorityCountsForHeardWordsOnly() {
        String heard = "Customers can't pay with Apple Pay since the last update is emergent.";
        TicketDraft spoken = extractor.extract(new IntentRequest(heard, List.of(), List.of(), null,
                TestData.PROJECTS, null, List.of(new Hypothesis(heard, 0.8),
                new Hypothesis("Customers can't pay with Apple Pay since the last update is emergent", 0.2))))
                .draft();
        TicketDraft typed = extractor.extract(new IntentRequest(heard, List.of(), List.of(), null,
                TestData.PROJECTS, null, List.of())).draft();

        assertThat(spoken.priority()).isEqualTo(Priority.HIGHEST);
        assertThat(typed.priority()).as("typed: the person wrote 'emergent'").isEqualTo(Priority.MEDIUM);
    }
}
