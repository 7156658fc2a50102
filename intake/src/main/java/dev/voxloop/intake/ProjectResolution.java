package dev.voxloop.intake;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.List;
import java.util.Objects;

/**
 * Which project a draft is for. A model never invents a project: a key or name the tracker does not know is
 * dropped; then the configured default fills the gap, or the only project when the tracker has just one.
 * Otherwise the project stays open and the clarification policy asks for it.
 */
final class ProjectResolution {

    private final String defaultProject;

    /** @param defaultProject the configured default project key, or null */
    ProjectResolution(String defaultProject) {
        this.defaultProject = defaultProject;
    }

    Extraction resolve(Extraction ex, List<Project> projects) {
        TicketDraft d = ex.draft();
        String key = d.projectKey();
        String resolved = key == null ? null : projects.stream()
                .filter(p -> p.key().equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key))
                .map(Project::key).findFirst().orElse(null);
        if (resolved == null && defaultProject != null
                && projects.stream().anyMatch(p -> p.key().equals(defaultProject))) {
            resolved = defaultProject;
        }
        if (resolved == null && projects.size() == 1) {
            resolved = projects.getFirst().key();
        }
        return Objects.equals(resolved, key) ? ex : withDraft(ex, d.withProjectKey(resolved));
    }

    /** {@code ex} with its draft replaced (after project resolution or the person's edits). */
    static Extraction withDraft(Extraction ex, TicketDraft draft) {
        return new Extraction(draft, ex.missing(), ex.ambiguities(), ex.confidence(), ex.flags(), ex.questions(),
                ex.ambiguityScore(), ex.extractor(), ex.duplicates());
    }
}
