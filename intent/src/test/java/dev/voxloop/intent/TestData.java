package dev.voxloop.intent;

import dev.voxloop.core.ticket.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared intent test data (../shared/testdata/intent beside the repository) and a copy of its projects. */
public final class TestData {

    private TestData() {
    }

    /** The five projects of shared/testdata/intent/projects.json, inline so unit tests do not need the file. */
    public static final List<Project> PROJECTS = List.of(
            new Project("BOOK", "BookIt", "Appointment booking for salons and clinics: calendars, time slots, staff "
                    + "schedules, Stripe payments, email and SMS reminders, many shops on one installation.", List.of()),
            new Project("EVT", "EventIt", "Event ticketing: events and venues, ticket sales, QR code tickets, door "
                    + "check-in, seating, refunds, attendee lists.", List.of()),
            new Project("SHOP", "StoreIt", "E-commerce store: product catalogue, search, cart, checkout, orders, "
                    + "inventory, payment webhooks, shipping.", List.of()),
            new Project("TRACK", "TrackIt", "Time tracking: timers, timesheets, clients and projects, invoicing with "
                    + "Swedish VAT, reports.", List.of()),
            new Project("OPS", "Platform", "The delivery platform itself: CI pipelines, deployments, servers, "
                    + "monitoring, the voice pipeline and the agent loop.", List.of()));

    /** The shared testdata/intent directory, looked up from the module or repository directory. */
    public static Path intentDir() {
        for (String candidate : List.of("../../shared/testdata/intent", "../shared/testdata/intent",
                "../../../shared/testdata/intent")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
