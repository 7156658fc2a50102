package dev.voxloop.github;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** GitHub's settings ({@code github.*} in voxloop.yaml), each key declared once on its component. */
public record GitHubSettings(
        @Key(path = "github.api_url", fallback = "https://api.github.com", env = "GITHUB_API_URL",
                doc = "GitHub's REST API (GitHub Enterprise Server: https://HOST/api/v3)")
        URI apiUrl,
        @Key(path = "github.token", secret = true, env = {"GITHUB_TOKEN", "GH_TOKEN"},
                doc = "Token for the API and git pushes (classic with the repo scope, or fine-grained with contents,"
                        + " pull requests, issues, checks and actions)")
        String token,
        @Key(path = "github.repository", env = "GITHUB_REPOSITORY",
                doc = "owner/name of the repository the demo and doctor use")
        String repository,
        @Key(path = "github.projects", env = "GITHUB_PROJECTS",
                doc = "Tracker projects kept as GitHub Issues, KEY=owner/name each (tracker.kind: github)")
        List<String> projects,
        @Key(path = "github.webhook_secret", secret = true, env = "GITHUB_WEBHOOK_SECRET",
                doc = "Secret of the webhook's X-Hub-Signature-256; unset turns /api/webhook/github off")
        String webhookSecret,
        @Key(path = "github.request_timeout", fallback = "20s", env = "GITHUB_REQUEST_TIMEOUT",
                doc = "Time limit of one API request")
        Duration requestTimeout,
        @Key(path = "github.max_attempts", fallback = "5", env = "GITHUB_MAX_ATTEMPTS",
                doc = "Attempts per API call refused for a rate limit (GETs also after 5xx or a timeout)")
        int maxAttempts,
        @Key(path = "github.max_wait", fallback = "5m", env = "GITHUB_MAX_WAIT",
                doc = "Most time one API call waits for GitHub's rate limits before it fails")
        Duration maxWait,
        @Key(path = "github.app.id", env = "GITHUB_APP_ID",
                doc = "A GitHub App's id: voxloop then works as the App's installation instead of with a token")
        String appId,
        @Key(path = "github.app.installation_id", env = "GITHUB_APP_INSTALLATION_ID",
                doc = "The App's installation on the repositories' owner")
        String appInstallationId,
        @Key(path = "github.app.private_key", env = "GITHUB_APP_PRIVATE_KEY_FILE",
                doc = "The App's private key file (PEM as GitHub hands it out)")
        Path appPrivateKey) {

    public GitHubSettings {
        token = token == null || token.isBlank() ? null : token.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        projects = projects == null ? List.of() : List.copyOf(projects);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("github.max_attempts: must be at least 1, got " + maxAttempts);
        }
        if (repository != null && !repository.isBlank()) {
            Paths.repo(repository.strip());
        }
        issueProjects(projects);
        appId = appId == null || appId.isBlank() ? null : appId.strip();
        if (appId != null && (appInstallationId == null || !appInstallationId.strip().matches("\\d+")
                || appPrivateKey == null)) {
            throw new IllegalArgumentException("github.app.id needs github.app.installation_id (a number) and"
                    + " github.app.private_key");
        }
    }

    public static GitHubSettings from(ConfigTree tree) {
        return Settings.bind(GitHubSettings.class, tree);
    }

    public boolean configured() {
        return token != null || appId != null;
    }

    /** The App's installation when {@code github.app.id} is set, else the token. */
    public Credentials credentials() {
        if (appId != null) {
            try {
                return new AppInstallation(apiUrl, appId, Long.parseLong(appInstallationId.strip()),
                        AppInstallation.privateKey(Files.readString(appPrivateKey)), Clock.systemUTC());
            } catch (IOException e) {
                throw new IllegalArgumentException("github.app.private_key: cannot read " + appPrivateKey);
            }
        }
        if (token == null) {
            throw new IllegalStateException("github.token (GITHUB_TOKEN) is not set");
        }
        return new Credentials.Token(token);
    }

    /** The API client; needs {@code github.token} or the App's keys. */
    public GitHubApi api() {
        return new GitHubApi(apiUrl, credentials(), requestTimeout, maxAttempts, maxWait, Thread::sleep);
    }

    /** Where people open GitHub's pages: github.com for the public API, the server itself for Enterprise. */
    public String webUrl() {
        String api = apiUrl.toString();
        if (api.startsWith("https://api.github.com")) {
            return "https://github.com";
        }
        return api.replaceAll("/api/v3/?$", "").replaceAll("/$", "");
    }

    public List<IssueProject> issueProjects() {
        return issueProjects(projects);
    }

    private static List<IssueProject> issueProjects(List<String> entries) {
        List<IssueProject> out = new ArrayList<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("github.projects: expected KEY=owner/name, got '" + e + "'");
            }
            String repo = e.substring(eq + 1).strip();
            out.add(new IssueProject(e.substring(0, eq).strip(), repo, repo.substring(repo.indexOf('/') + 1), ""));
        }
        return out;
    }
}
