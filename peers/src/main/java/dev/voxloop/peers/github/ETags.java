package dev.voxloop.peers.github;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conditional requests as GitHub answers them: a successful GET carries a weak ETag of its body, and a request whose
 * {@code If-None-Match} matches it gets 304 with no body (which does not count against the rate limit).
 */
final class ETags {

    private ETags() {
    }

    static Answer conditional(HttpExchange ex, String method, Answer a) {
        if (!method.equals("GET") || a.status() != 200) {
            return a;
        }
        String etag = "W/\"" + sha1(a.json() != null ? a.json().toString() : a.text()) + "\"";
        Map<String, String> headers = new LinkedHashMap<>(a.headers());
        headers.put("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            return new Answer(304, null, null, headers);
        }
        return new Answer(a.status(), a.json(), a.text(), headers);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
