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
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link JiraRequest}s with retries. 429 and 503 were not processed by Jira, so they are repeated after
 * Retry-After (or exponential backoff with jitter). A timeout or a 5xx leaves the outcome unknown: an
 * idempotent request is repeated; a non-idempotent one is repeated only after its {@link AlreadyDone} check
 * found nothing, and otherwise fails with a Problem that says the outcome is unknown.
 * Logs carry method, path and status only: never headers, so never a token.
 */
final class JiraTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JiraTransport.class);

    /** Asked before repeating a non-idempotent request whose outcome is unknown. */
    @FunctionalInterface
    interface AlreadyDone {
        Optional<JiraResponse> check();
    }

    private final URI base;
    private final JiraAuth auth;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Duration settle;
    private final Pause sleeper;
    private final RandomGenerator random;
    private final ObjectMapper json;

    JiraTransport(JiraSettings s, HttpClient http, Pause sleeper, RandomGenerator random, ObjectMapper json) {
        this.base = URI.create(s.url());
        this.auth = s.auth();
        this.http = http;
        this.requestTimeout = s.requestTimeout();
        this.retry = s.retry();
        this.settle = s.searchSettle();
        this.sleeper = sleeper;
        this.random = random;
        this.json = json;
    }

    static HttpClient client(JiraSettings s) {
        return HttpClient.newBuilder().connectTimeout(s.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JiraAuth auth() {
        return auth;
    }

    /** Sends with retries and returns 2xx as is; a client error becomes a Problem. */
    JsonNode call(JiraRequest req) {
        return call(req, null);
    }

    JsonNode call(JiraRequest req, AlreadyDone check) {
        JiraResponse r = execute(req, check);
        if (!r.ok()) {
            throw JiraErrors.problem(r, req.what(), auth);
        }
        return r.body();
    }

    /** Sends with retries; returns the final 2xx or 4xx answer, or throws a Problem when retries run out. */
    JiraResponse execute(JiraRequest req, AlreadyDone check) {
        long waitedMs = 0;
        Failure last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (last != null && last.ambiguous() && check != null) {
                Optional<JiraResponse> done = check.check();
                if (done.isPresent()) {
                    LOG.info("jira {} {}: found the result of an earlier attempt, not repeating", req.method(), req.path());
                    return done.get();
                }
            }
            Outcome o = once(req, attempt);
            if (o instanceof Answer a) {
                return a.response();
            }
            last = (Failure) o;
            if (last.ambiguous() && !req.idempotent() && check == null) {
                throw new Problem(last.kind(), "Jira did not confirm the request to " + req.what() + " (" + last.reason()
                        + "); it may or may not have been applied");
            }
            if (attempt == retry.maxAttempts()) {
                break;
            }
            Duration d = retry.delay(attempt, last.retryAfter(), random);
            if (last.ambiguous() && check != null && d.compareTo(settle) < 0) {
                d = settle; // let Jira's search index catch up before the check looks for the lost create
            }
            if (waitedMs + d.toMillis() > retry.maxTotalWait().toMillis()) {
                LOG.warn("jira {} {}: next wait {} ms would pass the retry budget", req.method(), req.path(), d.toMillis());
                break;
            }
            LOG.info("jira {} {}: {} (attempt {}/{}), retrying in {} ms", req.method(), req.path(), last.reason(),
                    attempt, retry.maxAttempts(), d.toMillis());
            sleep(d);
            waitedMs += d.toMillis();
        }
        if (last.ambiguous() && check != null) {
            Optional<JiraResponse> done = check.check();
            if (done.isPresent()) {
                return done.get();
            }
        }
        String tail = last.ambiguous() && !req.idempotent() ? "; it may or may not have been applied" : "";
        throw new Problem(last.kind(), "Jira could not " + req.what() + ": " + last.reason() + " after "
                + retry.maxAttempts() + " attempt(s) within the retry budget" + tail);
    }

    private sealed interface Outcome permits Answer, Failure {
    }

    private record Answer(JiraResponse response) implements Outcome {
    }

    /** A retryable failure; {@code ambiguous} means Jira may have acted on the request. */
    private record Failure(Problem.Kind kind, String reason, boolean ambiguous, Optional<Duration> retryAfter)
            implements Outcome {
    }

    private Outcome once(JiraRequest req, int attempt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(req.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Authorization", auth.header())
                .header("Accept", "application/json");
        if (req.body() != null) {
            b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(req.body())));
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
        Optional<Duration> retryAfter = resp.headers().firstValue("Retry-After").flatMap(JiraTransport::parseRetryAfter);
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
            } catch (RuntimeException ignored) {
                return Optional.empty();
            }
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while waiting to retry Jira");
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
            return json.createObjectNode().set("errorMessages",
                    json.createArrayNode().add(body.length() > 200 ? body.substring(0, 200) : body));
        }
    }
}
