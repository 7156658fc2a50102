package dev.voxloop.server.security;

import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira's webhook signature: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the shared
 * secret. Unset secret: unsigned calls are accepted (Jira sends none unless a secret is configured); set: a missing or wrong signature
 * is a 401.
 */
public final class WebhookSignature {

    private final byte[] secret;

    public WebhookSignature(String secret) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return secret != null;
    }

    public void verify(byte[] body, String header) {
        if (secret == null) {
            return;
        }
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "Missing webhook signature (X-Hub-Signature: sha256=...)");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(7).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "Webhook signature does not match");
        }
        if (!MessageDigest.isEqual(sign(body), presented)) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "Webhook signature does not match");
        }
    }

    /** HMAC-SHA256 of {@code body}; public so tests and tools can sign. */
    public byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
