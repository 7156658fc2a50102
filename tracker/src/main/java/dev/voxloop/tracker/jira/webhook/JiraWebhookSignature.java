package dev.voxloop.tracker.jira.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Jira's webhook signature: header {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>}
 * keyed with the webhook secret (JIRA_WEBHOOK_SECRET). Comparison is constant-time. The secret is never
 * exposed by this class.
 */
public final class JiraWebhookSignature {

    public static final String HEADER = "X-Hub-Signature";
    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    public JiraWebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code header} is {@code sha256=<hex>} and matches the body; false for anything else. */
    public boolean verify(byte[] rawBody, String header) {
        if (header == null || rawBody == null) {
            return false;
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(h.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawBody), given);
    }

    /** The header value a sender would put on {@code rawBody} (for tests and for signing test deliveries). */
    public String sign(byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(mac(rawBody));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "JiraWebhookSignature[secret=(hidden)]";
    }
}
