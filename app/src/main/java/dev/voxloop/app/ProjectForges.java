package dev.voxloop.app;

import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.forge.ForgeTarget;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which forge each loop project's runs go on to past the push: GitHub for a project with {@code forge: github}, the
 * built-in forge when the project's repository is hosted here, none otherwise (the run ends at PUSHED). A GitHub
 * target is made once per project, so its API client keeps its ETags between polls.
 */
final class ProjectForges {

    private final Forges builtin;
    private final Supplier<GitHubSettings> github;
    private final Map<String, ProjectConfig.Entry> entries;
    private final Map<String, ForgeTarget> onGitHub = new ConcurrentHashMap<>();

    ProjectForges(Forges builtin, Supplier<GitHubSettings> github, Map<String, ProjectConfig.Entry> entries) {
        this.builtin = builtin;
        this.github = github;
        this.entries = Map.copyOf(entries);
    }

    Optional<ForgeTarget> target(ProjectConfig project) {
        ProjectConfig.Entry e = entries.get(project.key());
        if (e != null && e.onGitHub()) {
            return Optional.of(onGitHub.computeIfAbsent(project.key(), k -> {
                ForgeSettings f = builtin.settings();
                return GitHubTargets.target(github.get(), e.githubRepository(), e.repo(), f.mergeMethod(),
                        f.maxHealRounds());
            }));
        }
        return builtin.target(project);
    }

    /** What the project's workspaces clone: GitHub's clone URL, a hosted repository's path, or the repo as given. */
    String cloneSource(ProjectConfig project) {
        ProjectConfig.Entry e = entries.get(project.key());
        if (e != null && e.onGitHub()) {
            return target(project).orElseThrow().cloneSource();
        }
        return builtin.cloneSource(project.repo());
    }
}
