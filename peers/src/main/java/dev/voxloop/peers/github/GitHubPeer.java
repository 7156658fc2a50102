package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An in-process GitHub: the REST operations voxloop's GitHub adapter uses, each request validated against GitHub's
 * own OpenAPI description ({@link GitHubDescriptions}), with the git remote of every repository served over smart
 * HTTP at {@code /git/owner/name.git} (basic auth, the token as the password). Answers carry GitHub's rate-limit
 * headers and an ETag (a matching {@code If-None-Match} gets 304); {@link #inject} makes the next call of an
 * operation fail the ways GitHub does. A test reads {@link #violations()} (or {@link #assertClean()}) at the end.
 */
public final class GitHubPeer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request the API answered: {@code "POST /repos/{owner}/{repo}/pulls"}, the path it was sent to, the status. */
    public record Served(String operation, String path, int status) {
    }

    private final HttpServer server;
    private final Routes routes = new Routes();
    private final RestRequests rest;
    private final HostedGit git;
    private final InjectedFaults faults = new InjectedFaults();
    private final ServedRequests served = new ServedRequests();
    private final List<String> violations = new ArrayList<>();
    final PeerPulls pulls;
    final PeerChecks checks;
    final PeerConversation conversation;
    final PeerIssues issues;
    private final PeerApps apps = new PeerApps();
    private final PeerCredentials credentials = new PeerCredentials(apps);
    private final PeerRepos repos;
    private volatile Consumer<String> changes = repo -> { };

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
        this.rest = new RestRequests(this, routes, credentials, faults);
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
        return credentials.token();
    }

    /** The scopes the token reports in {@code X-OAuth-Scopes}. */
    public GitHubPeer scopes(String scopes) {
        served.scopes(scopes);
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
    public GitHubPeer inject(String operation, Fault fault) {
        faults.add(operation, fault, routes);
        return this;
    }

    /**
     * Calls {@code listener} with the repository whenever GitHub would send a webhook the loop reacts to: a check run
     * completed, a review submitted. (The webhook's own HTTP delivery is tested at the server.)
     */
    public GitHubPeer onChange(Consumer<String> listener) {
        changes = listener;
        return this;
    }

    void changed(String repo) {
        changes.accept(repo);
    }

    public List<Served> served() {
        return served.all();
    }

    /** How many answered requests were {@code operation}. */
    public long count(String operation) {
        return served.count(operation, null);
    }

    /** How many answered requests were {@code operation} on the repository {@code owner/name}. */
    public long count(String operation, String fullName) {
        return served.count(operation, fullName);
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
            Answer answer = rest.answer(ex, raw, new String(in, StandardCharsets.UTF_8));
            send(ex, answer);
        } catch (RuntimeException e) {
            violation("the peer failed on " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
            send(ex, Answer.error(500, "Server Error"));
        }
    }

    private void gitRemote(HttpExchange ex, String pathInfo) throws IOException {
        if (!credentials.gitAllowed(ex)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitHub\"");
            ex.sendResponseHeaders(401, -1);
            return;
        }
        git.serve(ex, pathInfo, PeerCredentials.gitUser());
    }

    void record(String operation, String path, int status) {
        served.record(operation, path, status);
    }

    private void send(HttpExchange ex, Answer a) throws IOException {
        served.headers(ex.getResponseHeaders());
        ex.getResponseHeaders().set("X-GitHub-Request-Id", UUID.randomUUID().toString());
        a.write(ex);
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
