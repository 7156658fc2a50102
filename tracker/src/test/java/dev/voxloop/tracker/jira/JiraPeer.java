package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process HTTP peer that behaves like Jira Cloud REST v3 for the calls voxloop makes, with state
 * (projects, issue types, priorities, issues, labels, comments, a To Do / In Progress / Done workflow) and
 * failure injection. Every request it receives is validated against the Jira OpenAPI document
 * ({@link JiraContract}); a request that does not match is answered 400 and recorded in {@link #violations()},
 * and {@link #close()} (or {@link #assertNoViolations()}) fails the test.
 *
 * <pre>
 * try (JiraPeer jira = JiraPeer.start()) {
 *     // JIRA_URL = jira.baseUrl(), JIRA_EMAIL = jira.email(), JIRA_API_TOKEN = jira.apiToken()
 *     jira.failNext("POST", "/rest/api/3/issue", 429, 1, 1);   // one 429 with Retry-After: 1
 *     jira.delayNextCreate(Duration.ofSeconds(2));               // create succeeds, answer comes late
 *     ... jira.issues() ...
 * }
 * </pre>
 * Projects out of the box: BOOK "BookIt" and STORE "StoreIt" with Bug, Story, Task, Epic, Sub-task and
 * priorities Highest..Lowest.
 */
public final class JiraPeer implements AutoCloseable {

    /** An issue as the peer holds it. */
    public record PeerIssue(String id, String key, String projectKey, ObjectNode fields, List<JsonNode> comments,
                            String status, Instant created) {

        public String summary() {
            return fields.path("summary").asText();
        }

        public List<String> labels() {
            List<String> out = new ArrayList<>();
            fields.path("labels").forEach(l -> out.add(l.asText()));
            return out;
        }

        public String priority() {
            return fields.path("priority").path("name").asText(null);
        }

        public String issueType() {
            return fields.path("issuetype").path("name").asText(null);
        }

        public JsonNode description() {
            return fields.path("description");
        }

        public String parentKey() {
            return fields.path("parent").path("key").asText(null);
        }
    }

    /** One received request (the Authorization header is kept only as the scheme word). */
    public record Received(String method, String path, String query, String authScheme, String body) {
    }

    private record Injected(String method, String pathPrefix, int status, Integer retryAfterSeconds, int skip) {
    }

    private record IssueTypeDef(String id, String name, boolean subtask) {
    }

    private static final class ProjectDef {
        final String id;
        final String key;
        final String name;
        final String description;
        final List<IssueTypeDef> types = new ArrayList<>();
        final List<String> priorities = new ArrayList<>(List.of("Highest", "High", "Medium", "Low", "Lowest"));
        final Map<String, String> requiredFields = new LinkedHashMap<>();
        /** Fields (description, labels) the create screen lacks; Jira refuses a create that sets them. */
        final Set<String> offCreateScreen = new HashSet<>();
        /** Fields the edit screen lacks; Jira refuses an edit that sets them. */
        final Set<String> offEditScreen = new HashSet<>();
        /** Createmeta still lists the create screen's missing fields (it changed since it was read). */
        boolean staleCreateMeta;
        boolean priorityOnScreen = true;
        int next = 1;

        ProjectDef(String id, String key, String name, String description) {
            this.id = id;
            this.key = key;
            this.name = name;
            this.description = description;
            types.add(new IssueTypeDef("10001", "Bug", false));
            types.add(new IssueTypeDef("10002", "Story", false));
            types.add(new IssueTypeDef("10003", "Task", false));
            types.add(new IssueTypeDef("10004", "Epic", false));
            types.add(new IssueTypeDef("10005", "Sub-task", true));
        }
    }

    private static final List<String[]> WORKFLOW = List.of(
            new String[] {"11", "Back to To Do", "10000", "To Do", "new"},
            new String[] {"21", "Start Progress", "10001", "In Progress", "indeterminate"},
            new String[] {"31", "Done", "10002", "Done", "done"});
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ISSUE = Pattern.compile("/rest/api/3/issue/([^/]+)");
    private static final Pattern COMMENTS = Pattern.compile("/rest/api/3/issue/([^/]+)/comment");
    private static final Pattern TRANSITIONS = Pattern.compile("/rest/api/3/issue/([^/]+)/transitions");
    private static final Pattern EDITMETA = Pattern.compile("/rest/api/3/issue/([^/]+)/editmeta");
    private static final Pattern PROPERTY = Pattern.compile("/rest/api/3/issue/([^/]+)/properties/([^/]+)");
    private static final Pattern META_TYPES = Pattern.compile("/rest/api/3/issue/createmeta/([^/]+)/issuetypes");
    private static final Pattern META_FIELDS = Pattern.compile("/rest/api/3/issue/createmeta/([^/]+)/issuetypes/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final JiraContract contract;
    private final String email = "voxloop-bot@example.com";
    private final String apiToken = "peer-api-token-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final String oauthToken = "peer-oauth-token-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final Map<String, ProjectDef> projects = new LinkedHashMap<>();
    private final Map<String, PeerIssue> issues = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonNode>> properties = new LinkedHashMap<>();
    private final Deque<Injected> injected = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private Duration createDelay = Duration.ZERO;
    private int createDelays;
    private boolean rejectAll;
    private Duration searchLag = Duration.ZERO;
    private int nextIssueId = 10000;
    private int nextCommentId = 20000;

    private JiraPeer(JiraContract contract) throws IOException {
        this.contract = contract;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jira-peer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        addProject("BOOK", "BookIt", "Room and desk booking: calendar, reservations, Safari and Chrome web app");
        addProject("STORE", "StoreIt", "E-commerce shop: orders, checkout, payments, stock");
        server.start();
    }

    /** Starts a peer that validates every request against the full v3 contract. */
    public static JiraPeer start() {
        return start(JiraContract.full());
    }

    /** Starts a peer; {@code contract} may be null to skip validation. */
    public static JiraPeer start(JiraContract contract) {
        try {
            return new JiraPeer(contract);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Jira peer", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String email() {
        return email;
    }

    public String apiToken() {
        return apiToken;
    }

    public String oauthToken() {
        return oauthToken;
    }

    /** Settings pointing at this peer with email + API token. */
    public JiraSettings settings() {
        return new JiraSettings(baseUrl(), email, apiToken, null, "BOOK", Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(10)),
                Duration.ofMinutes(10));
    }

    /** What to set for the original's variables (JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PROJECT_KEY). */
    public Map<String, String> env() {
        return Map.of("JIRA_URL", baseUrl(), "JIRA_EMAIL", email, "JIRA_API_TOKEN", apiToken, "JIRA_PROJECT_KEY", "BOOK");
    }

    // ---- state and setup ----

    public synchronized void addProject(String key, String name, String description) {
        projects.put(key, new ProjectDef(String.valueOf(10000 + projects.size()), key, name, description));
    }

    /** Replace the priorities a project accepts (e.g. to make "Highest" unknown in BOOK). */
    public synchronized void priorities(String projectKey, String... names) {
        ProjectDef p = projects.get(projectKey);
        p.priorities.clear();
        p.priorities.addAll(List.of(names));
    }

    /** Take the priority field off the project's create screen (Jira then rejects a priority). */
    public synchronized void priorityOffScreen(String projectKey) {
        projects.get(projectKey).priorityOnScreen = false;
    }

    /**
     * Take fields ("description", "labels") off the project's create screen: createmeta does not list them (unless
     * {@code staleMetadata}: it still does, as when a screen changed after voxloop read it) and a create setting
     * them is refused naming the field, as Jira does.
     */
    public synchronized void offCreateScreen(String projectKey, boolean staleMetadata, String... fieldIds) {
        ProjectDef p = projects.get(projectKey);
        p.offCreateScreen.addAll(List.of(fieldIds));
        p.staleCreateMeta = staleMetadata;
    }

    /** Take fields off the project's edit screen: editmeta does not list them and an edit setting them is refused. */
    public synchronized void offEditScreen(String projectKey, String... fieldIds) {
        projects.get(projectKey).offEditScreen.addAll(List.of(fieldIds));
    }

    /** Make a custom field required on create, with no default. */
    public synchronized void requireField(String projectKey, String fieldId, String name) {
        projects.get(projectKey).requiredFields.put(fieldId, name);
    }

    /** Remove every issue type named {@code name} from a project. */
    public synchronized void removeIssueType(String projectKey, String name) {
        projects.get(projectKey).types.removeIf(t -> t.name().equalsIgnoreCase(name));
    }

    public synchronized List<PeerIssue> issues() {
        return List.copyOf(issues.values());
    }

    public synchronized Optional<PeerIssue> issue(String key) {
        return Optional.ofNullable(issues.get(key));
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public List<Received> requests(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public void assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError("requests that do not match the Jira contract:\n" + String.join("\n", violations));
        }
    }

    // ---- failure injection ----

    /** The next {@code times} requests matching method and path prefix get {@code status} without being processed. */
    public void failNext(String method, String pathPrefix, int status, Integer retryAfterSeconds, int times) {
        failAfter(method, pathPrefix, 0, status, retryAfterSeconds, times);
    }

    /** Like {@link #failNext}, but first lets {@code skip} matching requests through normally. */
    public synchronized void failAfter(String method, String pathPrefix, int skip, int status, Integer retryAfterSeconds,
                                       int times) {
        for (int i = 0; i < times; i++) {
            injected.add(new Injected(method, pathPrefix, status, retryAfterSeconds, skip));
        }
    }

    /** The next {@code times} creates are carried out, but the answer is held back for {@code delay}. */
    public synchronized void delayNextCreate(Duration delay, int times) {
        this.createDelay = delay;
        this.createDelays = times;
    }

    public void delayNextCreate(Duration delay) {
        delayNextCreate(delay, 1);
    }

    /** New issues stay invisible to JQL search for this long (Jira's search index lags behind writes). */
    public synchronized void searchLag(Duration lag) {
        this.searchLag = lag;
    }

    /** Answer 401 to everything (revoked token). */
    public synchronized void rejectCredentials(boolean reject) {
        this.rejectAll = reject;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        assertNoViolations();
    }

    // ---- HTTP ----

    private record Reply(int status, JsonNode body, Map<String, String> headers, Duration delay) {
        static Reply of(int status, JsonNode body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(method, path, rawQuery, auth == null ? null : auth.split(" ")[0], body));
        Map<String, List<String>> query = parseQuery(rawQuery);
        Reply reply;
        List<String> problems = contract == null ? List.of()
                : contract.validate(method, path, query, headersOf(ex), body);
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            reply = Reply.of(400, error(List.of("contract violation: " + String.join("; ", problems)), Map.of()));
        } else {
            try {
                reply = route(method, path, query, body, auth);
            } catch (RuntimeException e) {
                violations.add(method + " " + path + ": peer failed: " + e);
                reply = Reply.of(500, error(List.of("peer failed: " + e), Map.of()));
            }
        }
        if (!reply.delay().isZero()) {
            try {
                Thread.sleep(reply.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (reply.body() == null) {
                ex.sendResponseHeaders(reply.status(), -1);
            } else {
                byte[] out = json.writeValueAsBytes(reply.body());
                ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
                ex.sendResponseHeaders(reply.status(), out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException late) {
            // the client gave up (timeout) before the answer came: exactly the case being simulated
        } finally {
            ex.close();
        }
    }

    private synchronized Reply route(String method, String path, Map<String, List<String>> q, String body, String auth)
            throws RuntimeException {
        boolean skipped = false;
        for (Injected i : List.copyOf(injected)) {
            if (i.method().equals(method) && path.startsWith(i.pathPrefix()) && i.skip() > 0) {
                injected.remove(i);
                injected.addFirst(new Injected(i.method(), i.pathPrefix(), i.status(), i.retryAfterSeconds(), i.skip() - 1));
                skipped = true;
            }
        }
        for (Injected i : injected) {
            if (!skipped && i.method().equals(method) && path.startsWith(i.pathPrefix())) {
                injected.remove(i);
                Map<String, String> h = i.retryAfterSeconds() == null ? Map.of()
                        : Map.of("Retry-After", String.valueOf(i.retryAfterSeconds()));
                String msg = switch (i.status()) {
                    case 429 -> "Rate limit exceeded.";
                    case 503 -> "Service unavailable.";
                    case 401 -> "Client must be authenticated to access this resource.";
                    default -> "Injected failure " + i.status();
                };
                return new Reply(i.status(), error(List.of(msg), Map.of()), h, Duration.ZERO);
            }
        }
        if (rejectAll || !authorised(auth)) {
            return Reply.of(401, error(List.of("Client must be authenticated to access this resource."), Map.of()));
        }
        Matcher m;
        if (method.equals("GET") && path.equals("/rest/api/3/myself")) {
            return Reply.of(200, myself());
        }
        if (method.equals("GET") && path.equals("/rest/api/3/project/search")) {
            return Reply.of(200, projectSearch(q));
        }
        if (method.equals("GET") && (m = META_FIELDS.matcher(path)).matches()) {
            return metaFields(decode(m.group(1)), decode(m.group(2)));
        }
        if (method.equals("GET") && (m = META_TYPES.matcher(path)).matches()) {
            return metaTypes(decode(m.group(1)));
        }
        if (method.equals("POST") && path.equals("/rest/api/3/issue")) {
            return create(read(body));
        }
        if (method.equals("GET") && path.equals("/rest/api/3/search/jql")) {
            return search(q);
        }
        if ((m = COMMENTS.matcher(path)).matches()) {
            return method.equals("POST") ? addComment(decode(m.group(1)), read(body)) : comments(decode(m.group(1)));
        }
        if ((m = TRANSITIONS.matcher(path)).matches()) {
            return method.equals("POST") ? doTransition(decode(m.group(1)), read(body)) : transitions(decode(m.group(1)));
        }
        if (method.equals("GET") && (m = EDITMETA.matcher(path)).matches()) {
            return editMeta(decode(m.group(1)));
        }
        if (method.equals("GET") && (m = PROPERTY.matcher(path)).matches()) {
            return property(decode(m.group(1)), decode(m.group(2)));
        }
        if (method.equals("PUT") && (m = ISSUE.matcher(path)).matches()) {
            return edit(decode(m.group(1)), read(body));
        }
        if (method.equals("GET") && (m = ISSUE.matcher(path)).matches()) {
            PeerIssue i = issues.get(decode(m.group(1)));
            return i == null ? notFoundIssue() : Reply.of(200, issueJson(i));
        }
        violations.add(method + " " + path + ": the peer does not provide this endpoint (not one voxloop should use)");
        return Reply.of(404, error(List.of("No such endpoint in the peer"), Map.of()));
    }

    private boolean authorised(String auth) {
        if (auth == null) {
            return false;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
        return auth.equals(basic) || auth.equals("Bearer " + oauthToken);
    }

    private ObjectNode myself() {
        ObjectNode me = json.createObjectNode();
        me.put("self", baseUrl() + "/rest/api/3/user?accountId=5b10a2844c20165700ede21g");
        me.put("accountId", "5b10a2844c20165700ede21g");
        me.put("accountType", "atlassian");
        me.put("emailAddress", email);
        me.put("displayName", "Voxloop Bot");
        me.put("active", true);
        me.put("timeZone", "UTC");
        return me;
    }

    private ObjectNode projectSearch(Map<String, List<String>> q) {
        int startAt = intParam(q, "startAt", 0);
        int max = intParam(q, "maxResults", 50);
        boolean withDescription = q.getOrDefault("expand", List.of()).stream().anyMatch(e -> e.contains("description"));
        List<ProjectDef> all = new ArrayList<>(projects.values());
        all.sort(Comparator.comparing(p -> p.key));
        ArrayNode values = json.createArrayNode();
        for (int i = startAt; i < Math.min(all.size(), startAt + max); i++) {
            ProjectDef p = all.get(i);
            ObjectNode pj = values.addObject();
            pj.put("self", baseUrl() + "/rest/api/3/project/" + p.id);
            pj.put("id", p.id);
            pj.put("key", p.key);
            pj.put("name", p.name);
            pj.put("projectTypeKey", "software");
            pj.put("simplified", false);
            pj.put("style", "classic");
            if (withDescription) {
                pj.put("description", p.description);
            }
        }
        ObjectNode page = json.createObjectNode();
        page.put("self", baseUrl() + "/rest/api/3/project/search?startAt=" + startAt + "&maxResults=" + max);
        page.put("startAt", startAt);
        page.put("maxResults", max);
        page.put("total", all.size());
        page.put("isLast", startAt + max >= all.size());
        page.set("values", values);
        return page;
    }

    private Reply metaTypes(String projectKey) {
        ProjectDef p = project(projectKey);
        if (p == null) {
            return Reply.of(404, error(List.of("No project could be found with key '" + projectKey + "'."), Map.of()));
        }
        ArrayNode types = json.createArrayNode();
        for (IssueTypeDef t : p.types) {
            ObjectNode tj = types.addObject();
            tj.put("self", baseUrl() + "/rest/api/3/issuetype/" + t.id());
            tj.put("id", t.id());
            tj.put("name", t.name());
            tj.put("description", t.name());
            tj.put("subtask", t.subtask());
        }
        ObjectNode page = json.createObjectNode();
        page.put("startAt", 0);
        page.put("maxResults", 50);
        page.put("total", p.types.size());
        page.set("issueTypes", types);
        return Reply.of(200, page);
    }

    private Reply metaFields(String projectKey, String typeId) {
        ProjectDef p = project(projectKey);
        IssueTypeDef t = p == null ? null : p.types.stream().filter(x -> x.id().equals(typeId)).findFirst().orElse(null);
        if (t == null) {
            return Reply.of(404, error(List.of("Issue type '" + typeId + "' does not exist in project '" + projectKey + "'."),
                    Map.of()));
        }
        ArrayNode fields = json.createArrayNode();
        field(fields, "summary", "Summary", true, false, "string");
        field(fields, "issuetype", "Issue Type", true, false, "issuetype");
        field(fields, "project", "Project", true, false, "project");
        boolean listed = p.staleCreateMeta;
        if (listed || !p.offCreateScreen.contains("description")) {
            field(fields, "description", "Description", false, false, "string");
        }
        field(fields, "reporter", "Reporter", true, true, "user");
        if (listed || !p.offCreateScreen.contains("labels")) {
            field(fields, "labels", "Labels", false, false, "array");
        }
        if (p.priorityOnScreen) {
            ObjectNode pr = field(fields, "priority", "Priority", false, true, "priority");
            ArrayNode allowed = pr.putArray("allowedValues");
            for (int i = 0; i < p.priorities.size(); i++) {
                allowed.addObject().put("id", String.valueOf(i + 1)).put("name", p.priorities.get(i));
            }
        }
        if (t.subtask()) {
            field(fields, "parent", "Parent", true, false, "issuelink");
        }
        p.requiredFields.forEach((id, name) -> field(fields, id, name, true, false, "string"));
        ObjectNode page = json.createObjectNode();
        page.put("startAt", 0);
        page.put("maxResults", 50);
        page.put("total", fields.size());
        page.set("fields", fields);
        return Reply.of(200, page);
    }

    private ObjectNode field(ArrayNode into, String id, String name, boolean required, boolean hasDefault, String type) {
        ObjectNode f = into.addObject();
        f.put("fieldId", id);
        f.put("key", id);
        f.put("name", name);
        f.put("required", required);
        f.put("hasDefaultValue", hasDefault);
        f.putArray("operations").add("set");
        f.putObject("schema").put("type", type);
        return f;
    }

    private Reply create(JsonNode body) {
        JsonNode f = body.path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        ProjectDef p = project(f.path("project").path("key").asText(f.path("project").path("id").asText("")));
        if (p == null) {
            return Reply.of(400, error(List.of(), Map.of("project", "valid project is required")));
        }
        JsonNode it = f.path("issuetype");
        IssueTypeDef type = p.types.stream().filter(t -> t.id().equals(it.path("id").asText())
                || t.name().equalsIgnoreCase(it.path("name").asText())).findFirst().orElse(null);
        if (type == null) {
            errors.put("issuetype", "Specify an issue type");
        }
        String summary = f.path("summary").asText("");
        if (summary.isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (summary.length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        }
        if (f.has("priority")) {
            if (!p.priorityOnScreen) {
                errors.put("priority", "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.");
            } else if (!p.priorities.contains(f.path("priority").path("name").asText())) {
                errors.put("priority", "Specify a valid 'id' or 'name' for Priority");
            }
        }
        for (String off : p.offCreateScreen) {
            if (f.has(off)) {
                errors.put(off, "Field '" + off + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        for (JsonNode l : f.path("labels")) {
            if (l.asText().contains(" ")) {
                errors.put("labels", "The label '" + l.asText() + "' contains spaces which is invalid.");
            }
        }
        if (type != null && type.subtask()) {
            String parent = f.path("parent").path("key").asText("");
            if (parent.isEmpty()) {
                errors.put("parent", "Parent is required for sub-tasks.");
            } else if (!issues.containsKey(parent)) {
                errors.put("parent", "Given parent work item does not belong to appropriate hierarchy.");
            }
        }
        p.requiredFields.forEach((id, name) -> {
            if (!f.hasNonNull(id)) {
                errors.put(id, name + " is required.");
            }
        });
        if (!errors.isEmpty()) {
            return Reply.of(400, error(List.of(), errors));
        }
        String key = p.key + "-" + p.next++;
        String id = String.valueOf(nextIssueId++);
        ObjectNode fields = ((ObjectNode) f).deepCopy();
        fields.set("issuetype", json.createObjectNode().put("id", type.id()).put("name", type.name())
                .put("subtask", type.subtask()));
        fields.set("project", json.createObjectNode().put("id", p.id).put("key", p.key).put("name", p.name));
        if (!fields.has("priority") && p.priorityOnScreen) {
            fields.set("priority", json.createObjectNode().put("name", "Medium"));
        }
        issues.put(key, new PeerIssue(id, key, p.key, fields, new ArrayList<>(), "To Do", Instant.now()));
        Map<String, JsonNode> props = new LinkedHashMap<>();
        body.path("properties").forEach(pr -> props.put(pr.path("key").asText(), pr.path("value")));
        properties.put(key, props);
        ObjectNode created = json.createObjectNode().put("id", id).put("key", key)
                .put("self", baseUrl() + "/rest/api/3/issue/" + id);
        Duration delay = Duration.ZERO;
        if (createDelays > 0) {
            createDelays--;
            delay = createDelay;
        }
        return new Reply(201, created, Map.of(), delay);
    }

    private Reply editMeta(String key) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        ProjectDef p = project(i.projectKey());
        ObjectNode fields = json.createObjectNode();
        for (String[] f : new String[][] {{"summary", "Summary", "string"}, {"description", "Description", "string"},
                {"labels", "Labels", "array"}, {"priority", "Priority", "priority"}}) {
            if (!p.offEditScreen.contains(f[0])) {
                ObjectNode meta = fields.putObject(f[0]);
                meta.put("key", f[0]);
                meta.put("name", f[1]);
                meta.put("required", f[0].equals("summary"));
                meta.putObject("schema").put("type", f[2]);
                ArrayNode ops = meta.putArray("operations");
                ops.add("set");
                if (f[0].equals("labels")) {
                    ops.add("add").add("remove");
                }
            }
        }
        return Reply.of(200, json.createObjectNode().set("fields", fields));
    }

    private Reply property(String key, String propertyKey) {
        Map<String, JsonNode> props = properties.get(key);
        if (props == null || !props.containsKey(propertyKey)) {
            return Reply.of(404, error(List.of("The property with key '" + propertyKey + "' does not exist."), Map.of()));
        }
        return Reply.of(200, json.createObjectNode().put("key", propertyKey).set("value", props.get(propertyKey)));
    }

    /** PUT /issue/{key}: {@code fields} set values, {@code update} applies operations (labels add/remove/set). */
    private Reply edit(String key, JsonNode body) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        ProjectDef p = project(i.projectKey());
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> touched = new ArrayList<>();
        body.path("fields").fieldNames().forEachRemaining(touched::add);
        body.path("update").fieldNames().forEachRemaining(touched::add);
        for (String f : touched) {
            if (p.offEditScreen.contains(f) || !List.of("summary", "description", "labels", "priority").contains(f)) {
                errors.put(f, "Field '" + f + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        if (!errors.isEmpty()) {
            return Reply.of(400, error(List.of(), errors));
        }
        body.path("fields").properties().forEach(e -> i.fields().set(e.getKey(), e.getValue()));
        for (JsonNode op : body.path("update").path("labels")) {
            List<String> labels = i.labels();
            if (op.has("add") && !labels.contains(op.path("add").asText())) {
                labels.add(op.path("add").asText());
            } else if (op.has("remove")) {
                labels.remove(op.path("remove").asText());
            }
            ArrayNode out = i.fields().putArray("labels");
            labels.forEach(out::add);
        }
        return Reply.of(204, null);
    }

    private Reply search(Map<String, List<String>> q) {
        String jql = first(q, "jql", "");
        int max = intParam(q, "maxResults", 50);
        int offset = Integer.parseInt(first(q, "nextPageToken", "0"));
        List<PeerIssue> hits;
        try {
            Instant indexed = Instant.now().minus(searchLag);
            hits = PeerJql.filter(jql, issues.values().stream().filter(i -> !i.created().isAfter(indexed)).toList());
        } catch (IllegalArgumentException e) {
            return Reply.of(400, error(List.of("Error in the JQL Query: " + e.getMessage()), Map.of()));
        }
        ArrayNode out = json.createArrayNode();
        for (int i = offset; i < Math.min(hits.size(), offset + max); i++) {
            out.add(issueJson(hits.get(i)));
        }
        ObjectNode page = json.createObjectNode();
        page.set("issues", out);
        boolean last = offset + max >= hits.size();
        page.put("isLast", last);
        if (!last) {
            page.put("nextPageToken", String.valueOf(offset + max));
        }
        return Reply.of(200, page);
    }

    private Reply comments(String key) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        ObjectNode page = json.createObjectNode();
        page.put("startAt", 0);
        page.put("maxResults", 5000);
        page.put("total", i.comments().size());
        page.set("comments", json.valueToTree(i.comments()));
        return Reply.of(200, page);
    }

    private Reply addComment(String key, JsonNode body) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        if (!"doc".equals(body.path("body").path("type").asText())) {
            return Reply.of(400, error(List.of(), Map.of("comment", "Comment body must be an Atlassian Document.")));
        }
        ObjectNode c = json.createObjectNode();
        String id = String.valueOf(nextCommentId++);
        c.put("id", id);
        c.put("self", baseUrl() + "/rest/api/3/issue/" + i.id() + "/comment/" + id);
        c.set("author", json.createObjectNode().put("accountId", "5b10a2844c20165700ede21g").put("displayName", "Voxloop Bot"));
        c.set("body", body.path("body"));
        String now = JIRA_TIME.format(Instant.now());
        c.put("created", now);
        c.put("updated", now);
        i.comments().add(c);
        return Reply.of(201, c);
    }

    private Reply transitions(String key) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        ArrayNode ts = json.createArrayNode();
        for (String[] t : WORKFLOW) {
            if (!t[3].equals(i.status())) {
                ObjectNode tj = ts.addObject();
                tj.put("id", t[0]);
                tj.put("name", t[1]);
                tj.put("hasScreen", false);
                tj.put("isAvailable", true);
                ObjectNode to = tj.putObject("to");
                to.put("id", t[2]);
                to.put("name", t[3]);
                to.putObject("statusCategory").put("key", t[4]);
            }
        }
        return Reply.of(200, json.createObjectNode().set("transitions", ts));
    }

    private Reply doTransition(String key, JsonNode body) {
        PeerIssue i = issues.get(key);
        if (i == null) {
            return notFoundIssue();
        }
        String id = body.path("transition").path("id").asText();
        for (String[] t : WORKFLOW) {
            if (t[0].equals(id) && !t[3].equals(i.status())) {
                issues.put(key, new PeerIssue(i.id(), i.key(), i.projectKey(), i.fields(), i.comments(), t[3], i.created()));
                return Reply.of(204, null);
            }
        }
        return Reply.of(400, error(List.of("Transition id '" + id + "' is not valid for this issue."), Map.of()));
    }

    private ObjectNode issueJson(PeerIssue i) {
        ObjectNode out = json.createObjectNode();
        out.put("id", i.id());
        out.put("key", i.key());
        out.put("self", baseUrl() + "/rest/api/3/issue/" + i.id());
        ObjectNode f = i.fields().deepCopy();
        String[] st = WORKFLOW.stream().filter(t -> t[3].equals(i.status())).findFirst().orElseThrow();
        f.putObject("status").put("id", st[2]).put("name", st[3]).putObject("statusCategory").put("key", st[4]);
        String created = JIRA_TIME.format(i.created());
        f.put("created", created);
        f.put("updated", created);
        ObjectNode comment = f.putObject("comment");
        comment.set("comments", json.valueToTree(i.comments()));
        comment.put("total", i.comments().size());
        f.remove("properties");
        out.set("fields", f);
        return out;
    }

    private Reply notFoundIssue() {
        return Reply.of(404, error(List.of("Issue does not exist or you do not have permission to see it."), Map.of()));
    }

    private ProjectDef project(String keyOrId) {
        for (ProjectDef p : projects.values()) {
            if (p.key.equalsIgnoreCase(keyOrId) || p.id.equals(keyOrId)) {
                return p;
            }
        }
        return null;
    }

    private ObjectNode error(List<String> messages, Map<String, String> errors) {
        ObjectNode e = json.createObjectNode();
        ArrayNode m = e.putArray("errorMessages");
        messages.forEach(m::add);
        ObjectNode er = e.putObject("errors");
        errors.forEach(er::put);
        return e;
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
    }

    private static Map<String, List<String>> headersOf(HttpExchange ex) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> h.put(k, List.copyOf(v)));
        return h;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> q, String name, String fallback) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    private static int intParam(Map<String, List<String>> q, String name, int fallback) {
        return Integer.parseInt(first(q, name, String.valueOf(fallback)));
    }

}
