package dev.voxloop.store.ticket;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.store.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in tracker's projects: upserted from configuration at start, each with a ticket counter row.
 * Projects no longer configured stay in the table (their tickets keep working) but are no longer offered.
 */
final class ProjectTable {

    private final Jdbi jdbi;
    private final Json json;

    ProjectTable(Jdbi jdbi, Json json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** Makes {@code projects} the active ones, in this order; new ones start counting at 1. */
    void seed(List<Project> projects) {
        jdbi.useTransaction(h -> {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < projects.size(); i++) {
                Project p = projects.get(i);
                keys.add(p.key());
                int rows = h.createUpdate("UPDATE tracker_projects SET name = :name, description = :description, "
                                + "components = :components, position = :position, active = TRUE WHERE project_key = :key")
                        .bind("name", p.name()).bind("description", p.description())
                        .bind("components", json.writeStrings(p.components())).bind("position", i)
                        .bind("key", p.key()).execute();
                if (rows == 0) {
                    h.createUpdate("INSERT INTO tracker_projects (project_key, name, description, components, position, "
                                    + "active) VALUES (:key, :name, :description, :components, :position, TRUE)")
                            .bind("key", p.key()).bind("name", p.name()).bind("description", p.description())
                            .bind("components", json.writeStrings(p.components())).bind("position", i).execute();
                    h.createUpdate("INSERT INTO tracker_counters (project_key, last_number) VALUES (:key, 0)")
                            .bind("key", p.key()).execute();
                }
            }
            h.createUpdate("UPDATE tracker_projects SET active = FALSE WHERE project_key NOT IN (<keys>)")
                    .bindList("keys", List.copyOf(keys)).execute();
        });
    }

    /** The active projects, in configuration order. */
    List<Project> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT project_key, name, description, components FROM "
                        + "tracker_projects WHERE active = TRUE ORDER BY position, project_key")
                .map((r, ctx) -> new Project(r.getString("project_key"), r.getString("name"),
                        r.getString("description"), json.readStrings(r.getString("components")))).list());
    }

    /** The key of the project {@code key} names (any case), or INVALID listing the projects there are. */
    static String require(String key, List<Project> known) {
        return known.stream().map(Project::key).filter(k -> k.equalsIgnoreCase(key == null ? "" : key.strip()))
                .findFirst().orElseThrow(() -> Problem.invalid("project", (key == null || key.isBlank()
                        ? "a ticket needs a project" : "there is no project '" + key.strip() + "'") + "; projects: "
                        + known.stream().map(p -> p.key() + " (" + p.name() + ")").collect(Collectors.joining(", "))));
    }
}
