package dev.voxloop.intent.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POST a JSON body, read a JSON answer, and turn every transport failure into a {@link Problem} a fallback can
 * act on: cannot connect or 5xx = UNAVAILABLE, too slow = TIMEOUT, anything else unusable = UPSTREAM. The
 * server's own error text is kept (it may say "model not found"); headers (keys) are never part of a message.
 */
public final class JsonPost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_CHARS = 300;

    private final HttpClient http;
    private final String service;

    /** @param service name used in messages, e.g. "Ollama" */
    public JsonPost(String service, Duration connectTimeout) {
        this.service = service;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public JsonNode post(URI uri, Object body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Problem(Problem.Kind.TIMEOUT, service + " did not answer within " + timeout.toSeconds() + " s",
                    null, e);
        } catch (ConnectException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, service + " is not reachable at " + origin(uri), null, e);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, service + " connection failed at " + origin(uri) + ": "
                    + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, service + " request was interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new Problem(Problem.Kind.UPSTREAM, service + " answered with something that is not JSON", null,
                        e);
            }
        }
        String detail = errorText(response.body());
        Problem.Kind kind = status >= 500 || status == 404 || status == 429 || status == 401 || status == 403
                ? Problem.Kind.UNAVAILABLE : Problem.Kind.UPSTREAM;
        throw new Problem(kind, service + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** Ollama: {"error": "..."}; OpenAI: {"error": {"message": "..."}}. */
    private static String errorText(String body) {
        String text = body == null ? "" : body;
        try {
            JsonNode n = JSON.readTree(text);
            JsonNode e = n == null ? null : n.get("error");
            if (e != null) {
                text = e.isTextual() ? e.asText() : e.path("message").asText(e.toString());
            }
        } catch (IOException notJson) {
            // a proxy or an older server answered in plain text: that text is the error a person will see
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text;
    }
}
