package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a project accepts on create, discovered through
 * {@code GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes} and
 * {@code .../issuetypes/{issueTypeId}} (the bulk createmeta endpoint is deprecated), cached per project and
 * issue type for a TTL. {@link #forget} drops a project after Jira rejected a create, so stale metadata heals.
 */
final class CreateMetadata {

    record IssueTypeMeta(String id, String name, boolean subtask) {
    }

    /** One field of the create screen; {@code allowed} holds allowed value names (priorities), if listed. */
    record FieldMeta(String fieldId, String name, boolean required, boolean hasDefaultValue, List<String> allowed) {

        Optional<String> allowedIgnoringCase(String value) {
            return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst();
        }
    }

    private record Cached<T>(T value, Instant until) {
    }

    private static final int PAGE = 50;

    private final JiraTransport transport;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<List<IssueTypeMeta>>> types = new ConcurrentHashMap<>();
    private final Map<String, Cached<Map<String, FieldMeta>>> fields = new ConcurrentHashMap<>();

    CreateMetadata(JiraTransport transport, Clock clock, Duration ttl) {
        this.transport = transport;
        this.clock = clock;
        this.ttl = ttl;
    }

    List<IssueTypeMeta> issueTypes(String projectKey) {
        return cached(types, projectKey.toUpperCase(Locale.ROOT), () -> {
            List<IssueTypeMeta> out = new ArrayList<>();
            for (JsonNode t : pages("/rest/api/3/issue/createmeta/" + JiraRequest.segment(projectKey) + "/issuetypes",
                    "issueTypes", "read the issue types of project " + projectKey)) {
                out.add(new IssueTypeMeta(t.path("id").asText(), t.path("name").asText(), t.path("subtask").asBoolean()));
            }
            return List.copyOf(out);
        });
    }

    /** Fields of the create screen by field id, in Jira's order. */
    Map<String, FieldMeta> fields(String projectKey, IssueTypeMeta type) {
        String cacheKey = projectKey.toUpperCase(Locale.ROOT) + "/" + type.id();
        return cached(fields, cacheKey, () -> {
            Map<String, FieldMeta> out = new LinkedHashMap<>();
            for (JsonNode f : pages("/rest/api/3/issue/createmeta/" + JiraRequest.segment(projectKey) + "/issuetypes/"
                    + JiraRequest.segment(type.id()), "fields", "read the fields of " + type.name() + " in " + projectKey)) {
                List<String> allowed = new ArrayList<>();
                for (JsonNode v : f.path("allowedValues")) {
                    String name = v.hasNonNull("name") ? v.path("name").asText() : v.path("value").asText(null);
                    if (name != null) {
                        allowed.add(name);
                    }
                }
                String id = f.hasNonNull("fieldId") ? f.path("fieldId").asText() : f.path("key").asText();
                out.put(id, new FieldMeta(id, f.path("name").asText(id), f.path("required").asBoolean(),
                        f.path("hasDefaultValue").asBoolean(), List.copyOf(allowed)));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    void forget(String projectKey) {
        String k = projectKey.toUpperCase(Locale.ROOT);
        types.remove(k);
        fields.keySet().removeIf(key -> key.startsWith(k + "/"));
    }

    private List<JsonNode> pages(String path, String arrayField, String what) {
        List<JsonNode> out = new ArrayList<>();
        int startAt = 0;
        while (true) {
            JsonNode page = transport.call(JiraRequest.get(path,
                    Map.of("startAt", String.valueOf(startAt), "maxResults", String.valueOf(PAGE)), what));
            JsonNode items = page.path(arrayField);
            items.forEach(out::add);
            int total = page.path("total").asInt(out.size());
            if (items.isEmpty() || out.size() >= total || startAt > 10_000) {
                return out;
            }
            startAt += items.size();
        }
    }

    private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
        Instant now = clock.instant();
        Cached<T> c = cache.get(key);
        if (c != null && now.isBefore(c.until())) {
            return c.value();
        }
        T v = load.get();
        cache.put(key, new Cached<>(v, now.plus(ttl)));
        return v;
    }
}
