package dev.voxloop.app;

import dev.voxloop.app.Voxloop.Check;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code voxloop doctor}'s check of each project's forge, where its pull requests are opened: the built-in forge
 * (its bare repository is there, has the default branch, and the running server serves it over git's smart HTTP),
 * GitHub (the API answers and the token's scopes suffice, {@link GitHubParts#check}), or none (branches are pushed,
 * no pull request is opened), each problem with its fix.
 */
final class ForgeChecks {

    private static final Pattern GITHUB = Pattern.compile("github\\.com[:/]([\\w.-]+/[\\w.-]+?)(?:\\.git)?/?$");
    private static final Duration GIT = Duration.ofSeconds(20);

    private ForgeChecks() {
    }

    /**
     * @param server the running server's URL, if one runs on this data directory
     * @param github GitHub's check for a repository ({@code owner/name}), when GitHub is configured
     */
    static List<Check> of(LoopSettings loop, Forges forges, Optional<String> server, GitHubSettings githubSettings,
                          Function<String, Optional<Check>> github) {
        List<Check> checks = new ArrayList<>();
        loop.projects().forEach((key, p) -> {
            if (p.repo() == null || p.repo().isBlank()) {
                return;
            }
            Optional<String> hosted = forges.hostedName(p.repo());
            Matcher gh = GITHUB.matcher(p.repo());
            if (hosted.isPresent()) {
                checks.add(builtin(key, p, hosted.get(), forges, server));
            } else if (gh.find()) {
                checks.add(githubSettings.configured()
                        ? github.apply(gh.group(1)).map(c -> new Check("forge " + key, c.ok(), false,
                                "GitHub " + gh.group(1) + ": " + c.detail())).orElseThrow()
                        : new Check("forge " + key, false, false, p.repo() + " is on GitHub but no token is set, so"
                                + " the loop opens no pull request there: set GITHUB_TOKEN (docs/github.md)"));
            } else {
                checks.add(new Check("forge " + key, false, false, "none: the loop pushes branches to " + p.repo()
                        + " but opens no pull request; to have pull requests on the built-in forge: ./voxloop init"
                        + " --project " + key + " --repo " + p.repo() + " --import"));
            }
        });
        return checks;
    }

    private static Check builtin(String key, ProjectConfig p, String name, Forges forges, Optional<String> server) {
        String label = "forge " + key;
        Path bare = forges.path(name);
        if (!forges.present(name)) {
            return new Check(label, false, false, "built-in forge: the bare repository " + bare + " is missing;"
                    + " import it again: ./voxloop repo import SOURCE --name " + name);
        }
        CommandResult heads = Processes.run(List.of("git", "ls-remote", "--heads", bare.toString(), p.defaultBranch()),
                Path.of(System.getProperty("java.io.tmpdir")), Map.of("GIT_TERMINAL_PROMPT", "0"), null, GIT);
        if (!heads.ok() || heads.output().isBlank()) {
            return new Check(label, false, false, "built-in forge: " + name + " has no branch " + p.defaultBranch()
                    + "; push it there (git push " + bare + " " + p.defaultBranch() + ") or set loop.projects." + key
                    + ".default_branch");
        }
        if (server.isEmpty()) {
            return new Check(label, true, false, "built-in forge: " + name + " (" + p.defaultBranch() + "), served at"
                    + " /git/" + name + ".git once ./voxloop serve runs");
        }
        String url = server.get() + "/git/" + name + ".git";
        Optional<String> problem = serving(url);
        return problem.map(why -> new Check(label, false, false, "built-in forge: " + url + " " + why
                        + "; restart ./voxloop serve so it serves the repository"))
                .orElseGet(() -> new Check(label, true, false, "built-in forge: " + name + " (" + p.defaultBranch()
                        + ") served at " + url));
    }

    /** Asks the running server for the repository's refs as git does; empty when it answers them. */
    private static Optional<String> serving(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url
                    + "/info/refs?service=git-upload-pack")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            // 401: served, behind the API token (server.api_token), which git clients then send
            return r.statusCode() == 401 || r.statusCode() == 200 && r.body().contains("refs/heads/")
                    ? Optional.empty() : Optional.of("answers " + r.statusCode() + " to git");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("does not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("was not asked (interrupted)");
        }
    }
}
