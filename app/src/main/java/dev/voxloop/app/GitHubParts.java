package dev.voxloop.app;

import dev.voxloop.app.Voxloop.Check;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.github.GitHubDoctor;
import dev.voxloop.github.GitHubIssues;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.github.IssueProject;
import dev.voxloop.server.http.webhook.GitHubHooks;
import java.util.Optional;

/** GitHub's parts as the configuration asks for them: the Issues tracker, the webhook, the doctor's check. */
final class GitHubParts {

    private GitHubParts() {
    }

    static GitHubIssues tracker(GitHubSettings s) {
        if (!s.configured() || s.issueProjects().isEmpty()) {
            throw new IllegalArgumentException("tracker.kind github needs github.token (GITHUB_TOKEN) and"
                    + " github.projects (GITHUB_PROJECTS=KEY=owner/name,...)");
        }
        return new GitHubIssues(s.api(), s.issueProjects(), s.webUrl());
    }

    /** The webhook's collaborators, or null (no route) when no webhook secret is set. */
    static GitHubHooks hooks(GitHubSettings s, ForgeWakeups wakeups) {
        if (s.webhookSecret() == null) {
            return null;
        }
        return new GitHubHooks(s.webhookSecret(), wakeups,
                repo -> s.issueProjects().stream().filter(p -> p.repository().equalsIgnoreCase(repo))
                        .map(IssueProject::key).findFirst());
    }

    /** The token's user and scopes against what the configuration needs; nothing when GitHub is not configured. */
    static Optional<Check> check(GitHubSettings s) {
        return check(s, s.repository() != null ? s.repository()
                : s.issueProjects().stream().map(IssueProject::repository).findFirst().orElse(null));
    }

    /** The same check against one repository ({@code owner/name}), e.g. a project's forge. */
    static Optional<Check> check(GitHubSettings s, String repo) {
        if (!s.configured()) {
            return Optional.empty();
        }
        GitHubDoctor.Finding f;
        try {
            f = s.appId() != null ? GitHubDoctor.checkInstallation(s.api(), repo) : GitHubDoctor.check(s.api(), repo);
        } catch (IllegalArgumentException e) {
            f = new GitHubDoctor.Finding(false, e.getMessage());
        }
        return Optional.of(new Check("github", f.ok(), true, s.apiUrl() + ": " + f.detail()));
    }
}
