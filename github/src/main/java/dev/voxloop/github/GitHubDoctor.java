package dev.voxloop.github;

import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code voxloop doctor} says about GitHub: whom the token belongs to, and whether it may do what the
 * configuration needs. A classic token lists its scopes ({@code X-OAuth-Scopes}): {@code repo} is needed (pull
 * requests, checks, merges, issues of private repositories; {@code public_repo} only for public ones) and
 * {@code workflow} when pushes change workflow files. A fine-grained token lists none: the repository's
 * {@code permissions} are read instead.
 */
public final class GitHubDoctor {

    /** One line for the doctor. */
    public record Finding(boolean ok, String detail) {
    }

    private GitHubDoctor() {
    }

    /** A GitHub App's installation: a token could be minted and the repository read with it. */
    public static Finding checkInstallation(GitHubApi api, String repository) {
        try {
            if (repository == null || repository.isBlank()) {
                api.get("/rate_limit").body("the rate limit");
                return new Finding(true, "installation token minted");
            }
            api.get(Paths.repo(repository)).body("repository " + repository);
            return new Finding(true, "installation token minted; " + repository + " readable");
        } catch (Problem p) {
            return new Finding(false, p.getMessage());
        }
    }

    public static Finding check(GitHubApi api, String repository) {
        try {
            GitHubApi.Response me = api.get("/user");
            String login = me.body("the token's user").path("login").asText("?");
            String header = me.headers().firstValue("x-oauth-scopes").orElse(null);
            List<String> said = new ArrayList<>(List.of("token of " + login));
            boolean ok = true;
            if (header != null) {
                Set<String> scopes = Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
                if (!scopes.contains("repo")) {
                    ok = false;
                    said.add("missing scope repo (has: " + (scopes.isEmpty() ? "none" : String.join(", ", scopes))
                            + ")");
                } else {
                    said.add("scopes " + String.join(", ", scopes.stream().sorted().toList()));
                }
            } else {
                said.add("fine-grained (no scopes listed)");
            }
            if (repository != null && !repository.isBlank()) {
                var perms = api.get(Paths.repo(repository)).body("repository " + repository).path("permissions");
                if (!perms.path("push").asBoolean(false)) {
                    ok = false;
                    said.add("may not push to " + repository);
                } else {
                    said.add("may push to " + repository);
                }
            }
            return new Finding(ok, String.join("; ", said));
        } catch (Problem p) {
            return new Finding(false, p.getMessage());
        }
    }
}
