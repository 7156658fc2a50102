package dev.voxloop.store.ticket;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import dev.voxloop.core.ticket.Project;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The built-in tracker's projects from {@code tracker.projects}, or the default five when none are configured. */
public final class TrackerProjects {

    /** The default seed (the original system's demo products and the platform itself). */
    public static final List<Project> DEFAULTS = List.of(
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

    private TrackerProjects() {
    }

    /** Configured projects in file order; bad entries fail fast naming {@code tracker.projects[i].field}. */
    public static List<Project> from(ConfigTree config) {
        List<BuiltinTrackerSettings.Entry> entries = Settings.bind(BuiltinTrackerSettings.class, config).projects();
        if (entries.isEmpty()) {
            return DEFAULTS;
        }
        List<Project> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BuiltinTrackerSettings.Entry e = entries.get(i);
            String at = "tracker.projects[" + i + "].";
            if (e.key() == null) {
                throw new IllegalArgumentException(at + "key: missing");
            }
            String key = e.key().toUpperCase(Locale.ROOT);
            if (!key.matches("[A-Z][A-Z0-9]{0,31}")) {
                throw new IllegalArgumentException(at + "key: letters and digits, starting with a letter, got '"
                        + key + "'");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException(at + "key: " + key + " is listed twice");
            }
            out.add(new Project(key, e.name() == null ? key : e.name(),
                    e.description() == null ? "" : e.description(), e.components()));
        }
        return List.copyOf(out);
    }
}
