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
            on some totals that sublocker for the accounting team.    | on some totals that a blocker for the accounting team.
            on some totals that subluck her for the team.             | on some totals that a blocker for the team.
            'The detergent, but the timer icon looks blurry'          | 'Not urgent, but the timer icon looks blurry'
            'a password rotation, norage,'                            | 'a password rotation, no rush,'
            when they double click pay in BookIt critically.          | when they double click pay in BookIt critical.
            dark mode for the organiser pages, the eyes to have.      | dark mode for the organiser pages, nice to have.
            'in the booking flow, type "rai" or "ichi".'              | 'in the booking flow, high priority.'
            a critically important fix for the calendar               | a critically important fix for the calendar
            File a bargain book it the sms reminders are late         | File a bug book it the sms reminders are late
            File above the appointment calendar starts on Sunday      | File a bug the appointment calendar starts on Sunday
            Log above the clinical mail reminders arrive in English   | Log a bug the clinical mail reminders arrive in English
            There's a mug and track it, where deleting a client       | There's a bug and track it, where deleting a client
            Bargain the part removing an item removes all items       | Bug in the part removing an item removes all items
            the shop sells bargain bins and gift cards                | the shop sells bargain bins and gift cards
            Assap please refunds on store orders are issued twice     | ASAP please refunds on store orders are issued twice
            Playest priority, story, payment webhooks are failing     | highest priority, story, payment webhooks are failing
            Lois's priority renamed the confusing labels              | lowest priority renamed the confusing labels
            It's a marker inventory goes negative                     | It's a blocker inventory goes negative
            the map marker for the venue is in the wrong place        | the map marker for the venue is in the wrong place
            Treville bought the footer on the ticket shows 2024       | Trivial, but the footer on the ticket shows 2024
            after you close the laptop in Mergency.                   | after you close the laptop an emergency.
            tidy up the stale jobs in the cheap high plains.          | tidy up the stale jobs in the CI pipelines.
            The cheap high-pine takes twenty minutes                  | The CI pipeline takes twenty minutes
            clean up and use variables in the sea icon fig            | clean up and use variables in the CI config
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
