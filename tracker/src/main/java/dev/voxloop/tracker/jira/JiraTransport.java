package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link JiraRequest}s with retries, one {@link JiraExchange} per attempt. 429 and 503 were not processed
 * by Jira, so they are repeated after Retry-After (or exponential backoff with jitter). A timeout or a 5xx leaves the outcome unknown: an
 * idempotent request is repeated; a non-idempotent one is repeated only after its {@link AlreadyDone} check
 * found nothing, and otherwise fails with a Problem that says the outcome is unknown.
 */
final class JiraTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JiraTransport.class);

    /** Asked before repeating a non-idempotent request whose outcome is unknown. */
    @FunctionalInterface
    interface AlreadyDone {
        Optional<JiraResponse> check();
    }

    private final JiraAuth auth;
    private final JiraExchange exchange;
    private final RetryPolicy retry;
    private final Duration settle;
    private final Pause sleeper;
    private final RandomGenerator random;

    JiraTransport(JiraSettings s, HttpClient http, Pause sleeper, RandomGenerator random, ObjectMapper json) {
        this.auth = s.auth();
        this.exchange = new JiraExchange(s, http, json);
        this.retry = s.retry();
        this.settle = s.searchSettle();
        this.sleeper = sleeper;
        this.random = random;
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
        JiraExchange.Failure last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (last != null && last.ambiguous() && check != null) {
                Optional<JiraResponse> done = check.check();
                if (done.isPresent()) {
                    LOG.info("jira {} {}: found the result of an earlier attempt, not repeating", req.method(), req.path());
                    return done.get();
                }
            }
            JiraExchange.Outcome o = exchange.send(req, attempt);
            if (o instanceof JiraExchange.Answer a) {
                return a.response();
            }
            last = (JiraExchange.Failure) o;
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

    private void sleep(Duration d) {
        try {
            sleeper.pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while waiting to retry Jira");
        }
    }

}
