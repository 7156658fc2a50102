package dev.voxloop.github;

import dev.voxloop.core.ticket.Project;

/**
 * A tracker project kept as a GitHub repository's issues: tickets are {@code KEY-<issue number>}.
 *
 * @param repository {@code owner/name}
 */
public record IssueProject(String key, String repository, String name, String description) {

    public IssueProject {
        Paths.repo(repository);
        if (key == null || !key.matches("[A-Z][A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException("a project key is 2-10 capital letters or digits, not '" + key + "'");
        }
    }

    Project project() {
        return new Project(key, name == null ? repository : name, description, java.util.List.of());
    }
}
