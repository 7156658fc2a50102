package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with Jira, classified for {@link JiraTransport}'s retry loop: an {@link Answer} (any 2xx or
 * 4xx, final) or a retryable {@link Failure} that says whether Jira may have acted on the request (a timeout or
 * a 5xx: the outcome is unknown) and how long Jira asked us to wait. Logs carry method, path and status only:
 * never headers, so never a token.
 */
final class JiraExchange {

    private static final Logger LOG = LoggerFactory.getLogger(JiraExchange.class);

    sealed interface Outcome permits Answer, Failure {
    }

    record Answer(JiraResponse response) implements Outcome {
    }

    /** A retryable failure; {@code ambiguous} means Jira may have acted on the request. */
    record Failure(Problem.Kind kind, String reason, boolean ambiguous, Optional<Duration> retryAfter)
            implements Outcome {
    }

    private final URI base;
    private final JiraAuth auth;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json;

    JiraExchange(JiraSettings s, HttpClient http, ObjectMapper json) {
        this.base = URI.create(s.url());
        this.auth = s.auth();
        this.http = http;
        this.requestTimeout = s.requestTimeout();
        this.json = json;
    }

    Outcome send(JiraRequest req, int attempt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(req.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Authorization", auth.header())
                .header("Accept", "application/json");
        if (req.body() != null) {
            b.header("Content-Type", "application/json")
                    .method(req.method(), HttpRequest.BodyPublishers.ofString(write(req.body())));
        } else {
            b.method(req.method(), HttpRequest.BodyPublishers.noBody());
        }
        long t0 = System.nanoTime();
        HttpResponse<String> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Failure(Problem.Kind.UNAVAILABLE, "cannot connect to " + base.getHost(), false, Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Failure(Problem.Kind.TIMEOUT, "no answer within " + requestTimeout.toMillis() + " ms", true,
                    Optional.empty());
        } catch (IOException e) {
            return new Failure(Problem.Kind.UPSTREAM, "connection failed (" + e.getClass().getSimpleName() + ")", true,
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while calling Jira");
        }
        int status = resp.statusCode();
        LOG.debug("jira {} {} -> {} in {} ms (attempt {})", req.method(), req.path(), status,
                (System.nanoTime() - t0) / 1_000_000, attempt);
        Optional<Duration> retryAfter = resp.headers().firstValue("Retry-After").flatMap(JiraExchange::parseRetryAfter);
        return switch (status) {
            case 429 -> new Failure(Problem.Kind.TOO_MANY_REQUESTS, "Jira is rate limiting (429)", false, retryAfter);
            case 503 -> new Failure(Problem.Kind.UNAVAILABLE, "Jira is unavailable (503)", retryAfter.isEmpty(), retryAfter);
            case 500, 502, 504 -> new Failure(Problem.Kind.UPSTREAM, "Jira answered " + status, true, retryAfter);
            default -> new Answer(new JiraResponse(status, read(resp.body())));
        };
    }

    /** Retry-After is seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String v) {
        String s = v.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException unreadable) {
                return Optional.empty(); // neither form: fall back to our own backoff
            }
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // not JSON (a proxy's HTML error page): keep its start as the error message a person will see
            return json.createObjectNode().set("errorMessages",
                    json.createArrayNode().add(body.length() > 200 ? body.substring(0, 200) : body));
        }
    }
}
