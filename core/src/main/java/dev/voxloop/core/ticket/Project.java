package dev.voxloop.core.ticket;

import java.util.List;

/**
 * A project in the tracker.
 *
 * @param key         short key, e.g. "BOOK"; ticket keys are KEY-N
 * @param name        display name, e.g. "BookIt"
 * @param description what the project is about; its words help place a request
 * @param components  component words (e.g. "calendar", "checkout")
 */
public record Project(String key, String name, String description, List<String> components) {

    public Project {
        description = description == null ? "" : description;
        components = components == null ? List.of() : List.copyOf(components);
    }
}
