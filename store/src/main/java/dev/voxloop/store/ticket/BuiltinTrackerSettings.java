package dev.voxloop.store.ticket;

import dev.voxloop.core.config.Key;
import java.util.List;

/** The built-in tracker's projects as configured ({@code tracker.projects}); {@link TrackerProjects} checks them. */
public record BuiltinTrackerSettings(
        @Key(path = "tracker.projects", doc = "Projects of the built-in tracker (unset: BookIt/BOOK, EventIt/EVT,"
                + " StoreIt/SHOP, TrackIt/TRACK, Platform/OPS)")
        List<Entry> projects) {

    /** One configured project. */
    public record Entry(
            @Key(path = "key", doc = "Project key: letters and digits, starting with a letter (tickets are KEY-N)")
            String key,
            @Key(path = "name", doc = "Display name (unset: the key)")
            String name,
            @Key(path = "description", doc = "What the project is about (helps place requests)")
            String description,
            @Key(path = "components", doc = "Component words of the project")
            List<String> components) {
    }
}
