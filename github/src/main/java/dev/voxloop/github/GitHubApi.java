package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub's REST API as the adapter calls it: {@code X-GitHub-Api-Version}, the token as a bearer credential (never
 * logged), conditional GETs (an ETag per URL; a 304 costs no rate limit and returns the remembered answer), and
 * rate limits honoured: a refused request (GitHub did nothing) is sent again after the wait GitHub names, jittered,
 * while the waits of one call stay within {@code maxWait} and the attempts within {@code maxAttempts}. GETs are
 * also repeated after a 5xx or a timeout; other methods are not (the caller looks up what happened instead).
 */
public final class GitHubApi {

    static final String API_VERSION = "2022-11-28";
    private static final Logger LOG = LoggerFactory.getLogger(GitHubApi.class);
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers and the JSON body (missing when there was none). */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode json, String text) {

        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body of a successful answer; otherwise the failure as a {@link Problem} of the right kind. */
        public JsonNode body(String what) {
            if (ok()) {
                return json;
            }
            throw switch (status) {
                case 404, 410 -> Problem.notFound("GitHub has no " + what + " (or the token may not see it)");
                case 403 -> new Problem(Problem.Kind.UNAUTHORIZED, "the token may not do this on " + what + ": "
                        + message());
                case 405, 409, 422 -> Problem.conflict("GitHub refused this on " + what + ": " + message());
                default -> new Problem(Problem.Kind.UPSTREAM, "GitHub answered " + status + " on " + what + ": "
                        + message());
            };
        }

        /** GitHub's {@code message}, for errors. */
        public String message() {
            return json.path("message").asText(text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    /** Waits between attempts; tests may shorten them. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final URI base;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration maxWait;
    private final Pause pause;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<String, Response> etags = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Response> eldest) {
            return size() > 256;
        }
    };

    public GitHubApi(URI base, Credentials credentials, Duration timeout, int maxAttempts, Duration maxWait,
                     Pause pause) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.credentials = credentials;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** Pages read of one list at most: 1,000 items at {@code per_page=100}. */
    static final int MAX_PAGES = 10;

    /**
     * Every item of a list GitHub answers in pages: the array itself, or the array under {@code field} of a
     * wrapping object ({@code check_runs}), following the {@code Link} header's {@code rel="next"} while it points at
     * this API (the token goes nowhere else), {@value #MAX_PAGES} pages at most.
     *
     * @param field the array's field in the answer, or null when the answer is the array
     */
    public List<JsonNode> pages(String path, String what, String field) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            Response r = get(next);
            JsonNode body = r.body(what);
            (field == null ? body : body.path(field)).forEach(items::add);
            next = r.headers().firstValue("link").map(this::nextPage).orElse(null);
        }
        return items;
    }

    /** The path of {@code rel="next"} in a {@code Link} header when it is on this API, else null. */
    String nextPage(String link) {
        for (String part : link.split(",")) {
            int open = part.indexOf('<');
            int close = part.indexOf('>');
            if (open >= 0 && close > open && part.substring(close).matches(">\\s*;\\s*rel=\"next\"\\s*")) {
                String url = part.substring(open + 1, close);
                return url.startsWith(base + "/") ? url.substring(base.toString().length()) : null;
            }
        }
        return null;
    }

    /** Sends one call; answers below 500 other than 401 and rate limits come back for the caller to read. */
    public Response send(String method, String path, JsonNode body) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Response r;
            try {
                r = once(method, path, body);
            } catch (Problem p) {
                if (!method.equals("GET") || attempt >= maxAttempts) {
                    throw p;
                }
                continue;
            }
            Optional<Duration> wait = RateLimitWait.of(r.status(), r.headers(), r.text(), attempt, Instant.now(), random);
            boolean retry = wait.isPresent() || (r.status() >= 500 && method.equals("GET"));
            if (!retry) {
                return check(method, path, r);
            }
            Duration d = wait.orElse(Duration.ofMillis(200L << Math.min(5, attempt - 1)));
            if (attempt >= maxAttempts || waited.plus(d).compareTo(maxWait) > 0) {
                if (wait.isPresent()) {
                    throw new Problem(Problem.Kind.TOO_MANY_REQUESTS, "GitHub's rate limit: " + method + " " + path
                            + " refused " + attempt + " time(s); it asks to wait " + d.toSeconds() + " s more");
                }
                return check(method, path, r);
            }
            LOG.info("GitHub answered {} {} with {}; asking again in {} ms", method, path, r.status(), d.toMillis());
            waited = waited.plus(d);
            try {
                pause.pause(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while waiting for GitHub's rate limit");
            }
        }
    }

    private Response check(String method, String path, Response r) {
        if (r.status() == 401) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "GitHub refused the token (401 " + r.message() + ")");
        }
        if (r.status() >= 500) {
            throw new Problem(Problem.Kind.UPSTREAM, "GitHub failed on " + method + " " + path + " (" + r.status() + ")");
        }
        return r;
    }

    private Response once(String method, String path, JsonNode body) {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "voxloop");
        if (!path.startsWith("http")) {
            b.header("Authorization", "Bearer " + credentials.token());
        }
        Response cached = null;
        if (method.equals("GET")) {
            synchronized (etags) {
                cached = etags.get(uri.toString());
            }
            if (cached != null && cached.headers().firstValue("etag").isPresent()) {
                b.header("If-None-Match", cached.headers().firstValue("etag").get());
            }
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            LOG.debug("{} {} -> {}", method, uri.getPath(), res.statusCode());
            if (res.statusCode() == 304 && cached != null) {
                return new Response(cached.status(), res.headers(), cached.json(), cached.text());
            }
            Response r = new Response(res.statusCode(), res.headers(), parse(res), res.body());
            if (method.equals("GET") && r.status() == 200 && res.headers().firstValue("etag").isPresent()) {
                synchronized (etags) {
                    etags.put(uri.toString(), r);
                }
            }
            return r;
        } catch (HttpTimeoutException e) {
            throw new Problem(Problem.Kind.TIMEOUT, "GitHub did not answer " + method + " " + uri.getPath()
                    + " within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot reach GitHub at " + base);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UPSTREAM, "GitHub's answer to " + method + " " + uri.getPath()
                    + " broke off: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while calling GitHub");
        }
    }

    private static JsonNode parse(HttpResponse<String> res) {
        String type = res.headers().firstValue("content-type").orElse("");
        if (!type.contains("json") || res.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
