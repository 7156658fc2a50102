package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * An in-process GitHub: the REST operations voxloop's GitHub adapter uses, each request validated against GitHub's
 * own OpenAPI description ({@link GitHubDescriptions}), with the git remote of every repository served over smart
 * HTTP at {@code /git/owner/name.git} (basic auth, the token as the password). Answers carry GitHub's rate-limit
 * headers and an ETag (a matching {@code If-None-Match} gets 304); {@link #inject} makes the next call of an
 * operation fail the ways GitHub does. A test reads {@link #violations()} (or {@link #assertClean()}) at the end.
 */
public final class GitHubPeer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub's documented Accept header; its description lists only application/json as a response type. */
    private static final String RECOMMENDED_ACCEPT = "application/vnd.github+json";

    /** One request the API answered: {@code "POST /repos/{owner}/{repo}/pulls"}, the path it was sent to, the status. */
    public record Served(String operation, String path, int status) {
    }

    private final HttpServer server;
    private final Routes routes = new Routes();
    private final OpenApiContract contract;
    private final HostedGit git;
    private final String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Served> served = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private String scopes = "repo, workflow";
    private int remaining = 5000;
    final PeerPulls pulls;
    final PeerChecks checks;
    final PeerConversation conversation;
    final PeerIssues issues;
    private final PeerApps apps = new PeerApps();

    public GitHubPeer(Path root) {
        this.git = new HostedGit(root);
        PeerRepos repos = new PeerRepos(this, git);
        this.checks = new PeerChecks(this);
        checks.workflows(new PeerWorkflows(git));
        git.onPush(checks::pushed);
        this.pulls = new PeerPulls(this, git, repos, checks);
        this.conversation = new PeerConversation(this, pulls);
        this.issues = new PeerIssues(this, repos);
        repos.register(routes);
        pulls.register(routes);
        checks.register(routes);
        conversation.register(routes);
        issues.register(routes);
        apps.register(routes);
        this.contract = OpenApiContract.loadFile(GitHubDescriptions.rest(), routes.operations());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("github-peer")
                .unstarted(r)));
        server.createContext("/", this::exchange);
        server.start();
        this.repos = repos;
    }

    private final PeerRepos repos;

    /** The API's base URL ({@code GITHUB_API_URL}), no trailing slash. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The clone URL of a repository (no credentials in it). */
    public String cloneUrl(String fullName) {
        return apiUrl() + "/git/" + fullName + ".git";
    }

    /** The token the API and the git remote accept. */
    public String token() {
        return token;
    }

    /** The scopes the token reports in {@code X-OAuth-Scopes}. */
    public synchronized GitHubPeer scopes(String scopes) {
        this.scopes = scopes;
        return this;
    }

    /** A repository whose default branch {@code main} has one commit holding {@code files}. */
    public GitHubPeer createRepository(String fullName, Map<String, String> files) {
        git.create(fullName, files);
        repos.add(fullName);
        return this;
    }

    /** An empty repository (no commit, no branch), to push an existing project into. */
    public GitHubPeer createEmptyRepository(String fullName) {
        git.createEmpty(fullName);
        repos.add(fullName);
        return this;
    }

    /** The hosted bare repository of {@code owner/name} on disk (for a test's assertions with git). */
    public Path repositoryPath(String fullName) {
        return git.bare(fullName);
    }

    /** Branch protection on {@code branch} requiring these status check contexts. */
    public GitHubPeer protect(String fullName, String branch, String... requiredChecks) {
        repos.protect(fullName, branch, List.of(requiredChecks));
        return this;
    }

    /** GitHub Actions of this peer: workflow runs that report check runs on a commit. */
    public PeerChecks actions() {
        return checks;
    }

    /** Pull requests as GitHub holds them (for assertions). */
    public PeerPulls pulls() {
        return pulls;
    }

    public PeerConversation conversation() {
        return conversation;
    }

    public PeerIssues issues() {
        return issues;
    }

    /** GitHub Apps installed on the peer and the installation tokens they were given. */
    public PeerApps apps() {
        return apps;
    }

    /** The branch tip in the hosted repository, or null. */
    public String tip(String fullName, String branch) {
        return git.tip(fullName, branch);
    }

    /** Makes the next call of {@code operation} ({@code "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"}) fail. */
    public synchronized GitHubPeer inject(String operation, Fault fault) {
        if (!routes.operations().getOrDefault(operation.substring(operation.indexOf(' ') + 1), List.of())
                .contains(operation.substring(0, operation.indexOf(' ')).toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the peer serves no " + operation);
        }
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(fault);
        return this;
    }

    /**
     * Calls {@code listener} with the repository whenever GitHub would send a webhook the loop reacts to: a check run
     * completed, a review submitted. (The webhook's own HTTP delivery is tested at the server.)
     */
    public GitHubPeer onChange(java.util.function.Consumer<String> listener) {
        changes = listener;
        return this;
    }

    private volatile java.util.function.Consumer<String> changes = repo -> { };

    void changed(String repo) {
        changes.accept(repo);
    }

    public synchronized List<Served> served() {
        return List.copyOf(served);
    }

    /** How many answered requests were {@code operation}. */
    public synchronized long count(String operation) {
        return served.stream().filter(s -> s.operation().equals(operation)).count();
    }

    /** How many answered requests were {@code operation} on the repository {@code owner/name}. */
    public synchronized long count(String operation, String fullName) {
        return served.stream().filter(s -> s.operation().equals(operation)
                && (s.path() + "/").startsWith("/repos/" + fullName + "/")).count();
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public void assertClean() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new AssertionError("the GitHub peer saw " + v.size() + " problem(s):\n- " + String.join("\n- ", v));
        }
    }

    synchronized void violation(String v) {
        violations.add(v);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawPath();
            if (raw.startsWith("/git/")) {
                gitRemote(ex, raw.substring("/git".length()));
                return;
            }
            if (raw.startsWith(PeerChecks.LOGS)) {
                send(ex, checks.logBlob(raw.substring(PeerChecks.LOGS.length())));
                return;
            }
            byte[] in = ex.getRequestBody().readAllBytes();
            Answer answer = api(ex, raw, new String(in, StandardCharsets.UTF_8));
            send(ex, answer);
        } catch (RuntimeException e) {
            violation("the peer failed on " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
            send(ex, Answer.error(500, "Server Error"));
        }
    }

    private void gitRemote(HttpExchange ex, String pathInfo) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + token)
                .getBytes(StandardCharsets.UTF_8));
        if (auth == null || !auth.equals(expected) && !installationToken(auth)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitHub\"");
            ex.sendResponseHeaders(401, -1);
            return;
        }
        git.serve(ex, pathInfo, "x-access-token");
    }

    /** Basic auth whose password is a live installation token (the App's git pushes). */
    private boolean installationToken(String basic) {
        if (!basic.startsWith("Basic ")) {
            return false;
        }
        String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
        return pair.startsWith("x-access-token:") && apps.accepts(pair.substring("x-access-token:".length()));
    }

    private Answer api(HttpExchange ex, String rawPath, String body) {
        String method = ex.getRequestMethod();
        Routes.Match m = routes.match(method, rawPath);
        if (m == null) {
            violation(method + " " + rawPath + " is not served by the peer");
            return Answer.notFound();
        }
        String operation = method + " " + m.template();
        List<String> problems = new ArrayList<>(contract.validate(method, rawPath + query(ex), ex.getRequestHeaders(),
                body));
        if (RECOMMENDED_ACCEPT.equals(ex.getRequestHeaders().getFirst("Accept"))) {
            problems.removeIf(p -> p.contains("validation.request.accept.notAllowed"));
        }
        problems.forEach(this::violation);
        if (!"2022-11-28".equals(ex.getRequestHeaders().getFirst("X-GitHub-Api-Version"))) {
            violation(operation + " without X-GitHub-Api-Version: 2022-11-28");
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        Answer answer = m.template().startsWith("/app/") ? null : authorise(ex);
        if (answer == null && !problems.isEmpty()) {
            answer = Answer.error(422, "Invalid request.\n\n" + problems.get(0));
        }
        if (answer == null) {
            answer = withFault(operation, () -> m.route().handler().handle(new Call(method, m.template(), m.params(),
                    queryMap(ex), body.isBlank() ? null : readJson(operation, body), authorization)));
        }
        if (method.equals("GET")) {
            answer = Pages.of(answer, apiUrl() + rawPath, queryMap(ex));
        }
        answer = conditional(ex, method, answer);
        record(operation, rawPath, answer.status());
        return answer;
    }

    private Answer authorise(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String presented = auth == null ? "" : auth.replaceFirst("^(Bearer|token) ", "");
        if (auth == null || !(presented.equals(token) || apps.accepts(presented))) {
            return Answer.error(401, "Bad credentials");
        }
        return null;
    }

    private Answer withFault(String operation, java.util.function.Supplier<Answer> work) {
        Fault f;
        synchronized (this) {
            Deque<Fault> q = faults.get(operation);
            f = q == null ? null : q.poll();
        }
        return switch (f) {
            case null -> work.get();
            case Fault.TimeoutAfterApplying t -> {
                Answer done = work.get();
                sleep(t.hold().toMillis());
                yield done;
            }
            case Fault.ServerError e when e.afterApplying() -> {
                work.get();
                yield Answer.error(e.status(), "Server Error");
            }
            case Fault.ServerError e -> Answer.error(e.status(), "Server Error");
            case Fault.SecondaryLimit s -> new Answer(s.status(), Answer.error(s.status(), "You have exceeded a "
                    + "secondary rate limit. Please wait a few minutes before you try again.").json(), null,
                    Map.of("retry-after", String.valueOf(s.retryAfterSeconds())));
            case Fault.PrimaryLimit p -> new Answer(403, Answer.error(403, "API rate limit exceeded for user.")
                    .json(), null, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
                    String.valueOf(System.currentTimeMillis() / 1000 + p.resetInSeconds())));
        };
    }

    private Answer conditional(HttpExchange ex, String method, Answer a) {
        if (!method.equals("GET") || a.status() != 200) {
            return a;
        }
        String etag = "W/\"" + sha1(a.json() != null ? a.json().toString() : a.text()) + "\"";
        Map<String, String> headers = new LinkedHashMap<>(a.headers());
        headers.put("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            return new Answer(304, null, null, headers);
        }
        return new Answer(a.status(), a.json(), a.text(), headers);
    }

    private synchronized void record(String operation, String path, int status) {
        served.add(new Served(operation, path, status));
        if (status != 304 && remaining > 0) {
            remaining--;
        }
    }

    private void send(HttpExchange ex, Answer a) throws IOException {
        var h = ex.getResponseHeaders();
        synchronized (this) {
            h.set("x-ratelimit-limit", "5000");
            h.set("x-ratelimit-remaining", String.valueOf(remaining));
            h.set("x-ratelimit-used", String.valueOf(5000 - remaining));
            h.set("x-ratelimit-reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600));
            h.set("x-ratelimit-resource", "core");
            h.set("X-OAuth-Scopes", scopes);
        }
        h.set("X-GitHub-Request-Id", UUID.randomUUID().toString());
        a.headers().forEach(h::set);
        byte[] out = a.json() != null ? a.json().toString().getBytes(StandardCharsets.UTF_8)
                : a.text() != null ? a.text().getBytes(StandardCharsets.UTF_8) : new byte[0];
        h.set("Content-Type", a.json() != null ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private JsonNode readJson(String operation, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            violation(operation + ": the body is not JSON");
            return null;
        }
    }

    private static String query(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : "?" + q;
    }

    private static Map<String, String> queryMap(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                q.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        return q;
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
