package dev.voxloop.speech.engine.http;

import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** Sends one multipart POST to a transcription server and turns transport failures into problems. */
public final class HttpTranscription {

    private final HttpClient client;
    private final Duration timeout;
    private final String engine;

    public HttpTranscription(String engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** @return the response body of a 2xx answer */
    public String post(URI uri, Multipart body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        headers.forEach(b::header);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Problem(Problem.Kind.TIMEOUT, "The " + engine + " speech server did not answer in time", null, e);
        } catch (ConnectException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The " + engine + " speech server at " + uri.getHost()
                    + " cannot be reached", null, e);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The " + engine + " speech server failed: "
                    + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "Interrupted while waiting for the speech server", null, e);
        }
        int s = r.statusCode();
        if (s / 100 == 2) {
            return r.body();
        }
        if (s == 401 || s == 403) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The " + engine + " speech server refused our credentials ("
                    + s + "); check the API key", null);
        }
        if (s == 429) {
            throw new Problem(Problem.Kind.TOO_MANY_REQUESTS, "The " + engine + " speech server is rate-limiting us",
                    null);
        }
        if (s == 413) {
            throw new Problem(Problem.Kind.TOO_LARGE, "The " + engine + " speech server says the recording is too large",
                    "audio");
        }
        throw new Problem(Problem.Kind.UPSTREAM, "The " + engine + " speech server answered " + s, null);
    }
}
