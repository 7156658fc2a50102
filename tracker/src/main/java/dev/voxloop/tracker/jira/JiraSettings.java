package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira Cloud settings ({@code tracker.jira.*} in voxloop.yaml, or the original system's variables {@code JIRA_URL},
 * {@code JIRA_EMAIL}, {@code JIRA_API_TOKEN}, {@code JIRA_PROJECT_KEY}), each key declared once on its component.
 * Whether Jira is the tracker at all is {@link TrackerSelection}'s key.
 */
public record JiraSettings(
        @Key(path = "tracker.jira.url", env = {"JIRA_URL", "VOXLOOP_JIRA_URL"},
                doc = "Jira Cloud site, e.g. https://acme.atlassian.net (https:// is added when missing)")
        String url,
        @Key(path = "tracker.jira.email", env = {"JIRA_EMAIL", "VOXLOOP_JIRA_EMAIL"},
                doc = "Atlassian account email for basic auth with the API token")
        String email,
        @Key(path = "tracker.jira.api_token", secret = true, env = {"JIRA_API_TOKEN", "VOXLOOP_JIRA_API_TOKEN"},
                doc = "Atlassian API token (basic auth with the email)")
        String apiToken,
        @Key(path = "tracker.jira.oauth_token", secret = true, env = {"JIRA_OAUTH_TOKEN", "VOXLOOP_JIRA_OAUTH_TOKEN"},
                doc = "OAuth 2.0 bearer token; used instead of email + API token when set")
        String oauthToken,
        @Key(path = "tracker.jira.project_key", env = {"JIRA_PROJECT_KEY", "VOXLOOP_JIRA_PROJECT_KEY"},
                doc = "Project a ticket is filed in when the request names none")
        String projectKey,
        @Key(path = "tracker.jira.connect_timeout", fallback = "10s", env = "JIRA_CONNECT_TIMEOUT",
                doc = "TCP connect timeout")
        Duration connectTimeout,
        @Key(path = "tracker.jira.request_timeout", fallback = "30s", env = "JIRA_TIMEOUT",
                doc = "Time allowed for one Jira response")
        Duration requestTimeout,
        @Key(path = "tracker.jira.retry")
        RetryPolicy retry,
        @Key(path = "tracker.jira.metadata_ttl", fallback = "10m", env = "JIRA_METADATA_TTL",
                doc = "How long project lists and create metadata are cached")
        Duration metadataTtl,
        @Key(path = "tracker.jira.search_settle", fallback = "2s", env = "JIRA_SEARCH_SETTLE",
                doc = "Least wait before searching for a create whose answer was lost: Jira's search index lags"
                        + " behind writes, and the search must see it before a retry could file it twice")
        Duration searchSettle,
        @Key(path = "tracker.jira.fields",
                doc = "Values for other create fields by field id, as Jira JSON (e.g. customfield_10020: {id: \"42\"});"
                        + " used when the project's create screen has the field")
        Map<String, Object> fields,
        @Key(path = "tracker.jira.statuses")
        JiraStatuses statuses) {

    public JiraSettings {
        url = normaliseUrl(url);
        email = blankToNull(email);
        apiToken = blankToNull(apiToken);
        oauthToken = blankToNull(oauthToken);
        projectKey = blankToNull(projectKey);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The given connection and timeouts, the declared defaults where null (for tools and tests). */
    public JiraSettings(String url, String email, String apiToken, String oauthToken, String projectKey,
                        Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, Duration metadataTtl) {
        this(url, email, apiToken, oauthToken, projectKey, or(connectTimeout, Defaults.JIRA.connectTimeout),
                or(requestTimeout, Defaults.JIRA.requestTimeout), or(retry, Defaults.JIRA.retry),
                or(metadataTtl, Defaults.JIRA.metadataTtl), Defaults.JIRA.searchSettle, Map.of(),
                Defaults.JIRA.statuses);
    }

    /** Holder, so the defaults are bound on first use rather than while the record class initialises. */
    private static final class Defaults {
        static final JiraSettings JIRA = from(ConfigTree.empty());
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public static JiraSettings from(ConfigTree c) {
        return Settings.bind(JiraSettings.class, c);
    }

    /** True when the configuration selects Jira: {@code tracker.kind: jira}, or no kind and a Jira URL. */
    public static boolean selected(ConfigTree c) {
        return TrackerSelection.from(c).jira(from(c));
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
                metadataTtl, searchSettle, fields, statuses);
    }

    public JiraSettings withRequestTimeout(Duration t) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, t, retry,
                metadataTtl, searchSettle, fields, statuses);
    }

    public JiraSettings withFields(Map<String, Object> f) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry,
                metadataTtl, searchSettle, f, statuses);
    }

    public JiraSettings withSearchSettle(Duration d) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry,
                metadataTtl, d, fields, statuses);
    }

    public JiraSettings withStatuses(JiraStatuses s) {
        return new JiraSettings(url, email, apiToken, oauthToken, projectKey, connectTimeout, requestTimeout, retry,
                metadataTtl, searchSettle, fields, s);
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
