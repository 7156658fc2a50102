package dev.voxloop.app;

import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.github.Credentials;
import dev.voxloop.github.GitCredentials;
import dev.voxloop.github.GitHubApi;
import dev.voxloop.github.GitHubForge;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.forge.ForgeTarget;

/**
 * A repository on GitHub as the loop's forge target: pull requests, checks, reviews and the merge over GitHub's API,
 * the branch pushed to {@code remote} through a credential helper fed from memory (the remote URL stays clean).
 */
public final class GitHubTargets {

    private GitHubTargets() {
    }

    /**
     * @param repository {@code owner/name}; null: {@code github.repository}
     * @param remote     where the workspace clones from and pushes to; null: GitHub's own clone URL of the repository
     */
    public static ForgeTarget target(GitHubSettings s, String repository, String remote, MergeMethod method,
                                     int maxHealRounds) {
        String repo = repository != null && !repository.isBlank() ? repository.strip() : s.repository();
        if (repo == null || repo.isBlank()) {
            throw new IllegalArgumentException("a project on GitHub needs its repository: github_repository in the"
                    + " project, or github.repository (GITHUB_REPOSITORY=owner/name)");
        }
        if (!s.configured()) {
            throw new IllegalArgumentException("a project on GitHub needs github.token (GITHUB_TOKEN) or a GitHub"
                    + " App (github.app.*)");
        }
        Credentials credentials = s.credentials();
        GitHubApi api = new GitHubApi(s.apiUrl(), credentials, s.requestTimeout(), s.maxAttempts(), s.maxWait(),
                Thread::sleep);
        return new ForgeTarget(new GitHubForge(api), repo, remote != null && !remote.isBlank() ? remote
                : cloneUrl(s, repo), method, maxHealRounds, new GitCredentials(credentials));
    }

    /** GitHub's HTTPS clone URL of {@code owner/name} (github.com, or the Enterprise server). */
    static String cloneUrl(GitHubSettings s, String repository) {
        return s.webUrl() + "/" + repository + ".git";
    }
}
