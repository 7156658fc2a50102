package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jira Cloud settings, read from {@code tracker.*} in voxloop.yaml or the original system's variables
 * ({@code JIRA_URL}, {@code JIRA_EMAIL}, {@code JIRA_API_TOKEN}, {@code JIRA_PROJECT_KEY}).
 *
 * @param url            site base, e.g. https://acme.atlassian.net (https:// added when missing, no trailing slash)
 * @param email          Atlassian account email for basic auth (with {@code apiToken})
 * @param apiToken       API token (secret)
 * @param oauthToken     OAuth 2.0 bearer token (secret); used instead of email + token when set
 * @param projectKey     default project key, or null
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for one response
 * @param retry          bounds for retrying 429/503/timeouts
 * @param metadataTtl    how long project lists and create metadata are cached
 * @param searchSettle   least wait before searching for a create whose answer was lost (Jira's search index
 *                       lags behind writes), so the search sees it before a retry could file it twice
 * @param fields         values for other create fields by field id (e.g. a required {@code customfield_10020}),
 *                       as in Jira's JSON; set only when the project's create screen has the field
 */
public record JiraSettings(String url, String email, String apiToken, String oauthToken, String projectKey,
                           Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                           Duration metadataTtl, Duration searchSettle,
                           Map<String, Object> fields) {

    public static final Duration DEFAULT_SEARCH_SETTLE = Duration.ofSeconds(2);

    public static final String KIND_PATH = "tracker.kind";

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of(KIND_PATH, "Where tickets live: builtin or jira (default: jira when JIRA_URL is set, else builtin)",
                    "VOXLOOP_TRACKER"),
            ConfigKey.of("tracker.jira.url", "Jira Cloud site, e.g. https://acme.atlassian.net", "JIRA_URL",
                    "VOXLOOP_JIRA_URL"),
            ConfigKey.of("tracker.jira.email", "Atlassian account email for basic auth with the API token", "JIRA_EMAIL",
                    "VOXLOOP_JIRA_EMAIL"),
            ConfigKey.secret("tracker.jira.api_token", "Atlassian API token (basic auth with the email)", "JIRA_API_TOKEN",
                    "VOXLOOP_JIRA_API_TOKEN"),
            ConfigKey.secret("tracker.jira.oauth_token", "OAuth 2.0 bearer token; used instead of email + API token",
                    "JIRA_OAUTH_TOKEN", "VOXLOOP_JIRA_OAUTH_TOKEN"),
            ConfigKey.of("tracker.jira.project_key", "Default project key when a request names none", "JIRA_PROJECT_KEY",
                    "VOXLOOP_JIRA_PROJECT_KEY"),
            ConfigKey.of("tracker.jira.connect_timeout", "TCP connect timeout (default 10s)", "JIRA_CONNECT_TIMEOUT"),
            ConfigKey.of("tracker.jira.request_timeout", "Time allowed for one Jira response (default 30s)", "JIRA_TIMEOUT"),
            ConfigKey.of("tracker.jira.retry.max_attempts", "Attempts per call on 429/503/timeouts (default 5)",
                    "JIRA_RETRY_MAX_ATTEMPTS"),
            ConfigKey.of("tracker.jira.retry.base_delay", "First backoff delay, doubled per retry (default 500ms)",
                    "JIRA_RETRY_BASE_DELAY"),
            ConfigKey.of("tracker.jira.retry.max_delay", "Longest single backoff delay (default 30s)", "JIRA_RETRY_MAX_DELAY"),
            ConfigKey.of("tracker.jira.retry.max_total_wait", "Most time spent waiting between attempts of one call (default 60s)",
                    "JIRA_RETRY_MAX_WAIT"),
            ConfigKey.of("tracker.jira.metadata_ttl", "Cache time for projects and create metadata (default 10m)",
                    "JIRA_METADATA_TTL"),
            ConfigKey.of("tracker.jira.search_settle", "Least wait before searching for a create whose answer was lost (default 2s)",
                    "JIRA_SEARCH_SETTLE"),
            ConfigKey.of("tracker.jira.fields.*", "Values for other create fields by field id, as Jira JSON "
                    + "(e.g. customfield_10020: {id: \"42\"}); used when the create screen has the field"));

    public JiraSettings {
        url = normaliseUrl(url);
        email = blankToNull(email);
        apiToken = blankToNull(apiToken);
        oauthToken = blankToNull(oauthToken);
        projectKey = blankToNull(projectKey);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        metadataTtl = metadataTtl == null ? Duration.ofMinutes(10) : metadataTtl;
        searchSettle = searchSettle == null ? DEFAULT_SEARCH_SETTLE : searchSettle;
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public JiraSettings(String url, String email, String apiToken, String oauthToken, String projectKey,
                        Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, Duration metadataTtl) {
        this(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry, metadataTtl,
                DEFAULT_SEARCH_SETTLE, Map.of());
    }

    public static JiraSettings from(ConfigTree c) {
        RetryPolicy d = RetryPolicy.defaults();
        return new JiraSettings(c.string("tracker.jira.url", null), c.string("tracker.jira.email", null),
                c.string("tracker.jira.api_token", null), c.string("tracker.jira.oauth_token", null),
                c.string("tracker.jira.project_key", null),
                c.duration("tracker.jira.connect_timeout", Duration.ofSeconds(10)),
                c.duration("tracker.jira.request_timeout", Duration.ofSeconds(30)),
                new RetryPolicy(c.integer("tracker.jira.retry.max_attempts", d.maxAttempts()),
                        c.duration("tracker.jira.retry.base_delay", d.baseDelay()),
                        c.duration("tracker.jira.retry.max_delay", d.maxDelay()),
                        c.duration("tracker.jira.retry.max_total_wait", d.maxTotalWait())),
                c.duration("tracker.jira.metadata_ttl", Duration.ofMinutes(10)),
                c.duration("tracker.jira.search_settle", DEFAULT_SEARCH_SETTLE),
                c.section("tracker.jira.fields").asMap());
    }

    /** True when the configuration selects Jira: {@code tracker.kind: jira}, or no kind and a Jira URL. */
    public static boolean selected(ConfigTree c) {
        return c.string(KIND_PATH).map(k -> k.toLowerCase(Locale.ROOT).equals("jira"))
                .orElseGet(() -> c.string("tracker.jira.url").isPresent());
    }

    /** Names of what is missing to talk to Jira, as the variables a person sets; empty when complete. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (url == null) {
            out.add("JIRA_URL");
        }
        if (oauthToken == null) {
            if (email == null) {
                out.add("JIRA_EMAIL");
            }
            if (apiToken == null) {
                out.add("JIRA_API_TOKEN");
            }
        }
        return out;
    }

    public JiraAuth auth() {
        if (oauthToken != null) {
            return new JiraAuth.Bearer(oauthToken);
        }
        return new JiraAuth.Basic(email, apiToken);
    }

    public JiraSettings withRetry(RetryPolicy r) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, r,
                metadataTtl, searchSettle, fields);
    }

    public JiraSettings withRequestTimeout(Duration t) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, t, retry,
                metadataTtl, searchSettle, fields);
    }

    public JiraSettings withFields(Map<String, Object> f) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry,
                metadataTtl, searchSettle, f);
    }

    public JiraSettings withSearchSettle(Duration d) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry,
                metadataTtl, d, fields);
    }

    @Override
    public String toString() {
        return "JiraSettings[url=" + url + ", email=" + email + ", apiToken=" + mask(apiToken) + ", oauthToken="
                + mask(oauthToken) + ", projectKey=" + projectKey + ", requestTimeout=" + requestTimeout + ", retry="
                + retry + "]";
    }

    static String mask(String secret) {
        return secret == null ? "(unset)" : "(set)";
    }

    static String normaliseUrl(String url) {
        String u = blankToNull(url);
        if (u == null) {
            return null;
        }
        if (!u.contains("://")) {
            u = "https://" + u;
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
