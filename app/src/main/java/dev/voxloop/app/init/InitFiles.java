package dev.voxloop.app.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code voxloop init} writes: keys of voxloop.yaml (each recorded when its value really changes), the project
 * in the built-in tracker, and the proposed {@code .voxloop/loop.yaml} in the repository (only when there is none:
 * that file is the repository owners').
 */
final class InitFiles {

    static final String REPO_FILE = ".voxloop/loop.yaml";

    private final ConfigFile cfg;
    private final List<String> changed;

    InitFiles(ConfigFile cfg, List<String> changed) {
        this.cfg = cfg;
        this.changed = changed;
    }

    void set(String path, String value) {
        if (cfg.set(path, value)) {
            changed.add(path + (value == null ? " (removed)" : ": " + value));
        }
    }

    /**
     * The project in the built-in tracker's list (added once; a name the person changed is updated), and the
     * default project for requests that name none, unless one is set. Jira projects live in Jira.
     */
    void project(String key, String name, boolean jira) {
        if (!jira) {
            List<Object> projects = cfg.list("tracker.projects");
            Map<String, Object> entry = projects.stream().filter(e -> e instanceof Map<?, ?> m
                    && key.equals(String.valueOf(m.get("key")))).map(InitFiles::asEntry).findFirst().orElse(null);
            if (entry == null) {
                entry = new LinkedHashMap<>();
                entry.put("key", key);
                entry.put("name", name);
                projects.add(entry);
                changed.add("tracker.projects: + " + key + " (" + name + ")");
            } else if (name != null && !name.equals(entry.get("name"))) {
                entry.put("name", name);
                changed.add("tracker.projects." + key + ".name: " + name);
            }
        }
        if (cfg.get("tracker.default_project") == null) {
            set("tracker.default_project", key);
        }
    }

    /**
     * Tickets of {@code key} as issues of the GitHub repository {@code owner/name} ({@code tracker.kind: github},
     * {@code github.projects}); the token stays in the environment ({@code GITHUB_TOKEN}), never in the file.
     */
    void github(String key, String repository) {
        set("tracker.kind", "github");
        List<Object> projects = cfg.list("github.projects");
        String entry = key + "=" + repository;
        boolean present = projects.stream().anyMatch(e -> String.valueOf(e).startsWith(key + "="));
        if (!present) {
            projects.add(entry);
            changed.add("github.projects: + " + entry);
        } else if (!projects.contains(entry)) {
            projects.replaceAll(e -> String.valueOf(e).startsWith(key + "=") ? entry : e);
            changed.add("github.projects: " + entry);
        }
        if (cfg.get("github.repository") == null) {
            set("github.repository", repository);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asEntry(Object o) {
        return (Map<String, Object>) o;
    }

    /** Writes the repository's proposed loop file when it has none; returns what was done, in words. */
    String proposeRepositoryFile(Path repo, String test, String lint, String coverage, String report)
            throws IOException {
        Path file = repo.resolve(REPO_FILE);
        if (Files.exists(file)) {
            return REPO_FILE + " exists in the repository: left as it is";
        }
        StringBuilder y = new StringBuilder("# The loop's commands for this repository, proposed by `voxloop init`.\n"
                + "# Commit this file: workers use these commands where voxloop.yaml's loop.projects entry sets none"
                + " (voxloop.yaml wins),\n# and may only raise the coverage threshold; agents cannot change it.\n");
        append(y, "test", test);
        append(y, "lint", lint);
        append(y, "coverage", coverage);
        append(y, "coverage_report", report);
        if (coverage != null) {
            y.append("coverage_threshold: 80\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, y.toString());
        return "proposed " + file + " (review it and commit it)";
    }

    private static void append(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append(key).append(": '").append(value.replace("'", "''")).append("'\n");
        }
    }
}
