package dev.voxloop.github;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A GitHub App's installation token: a JWT signed with the App's private key (RS256, issued a minute in the past
 * for clock drift, valid nine minutes) buys a token at {@code POST /app/installations/{id}/access_tokens}; it is kept
 * in memory and a new one bought when less than {@link #MARGIN} of its life is left.
 */
public final class AppInstallation implements Credentials {

    static final Duration MARGIN = Duration.ofMinutes(5);

    private final URI api;
    private final String appId;
    private final long installationId;
    private final Algorithm signer;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public AppInstallation(URI api, String appId, long installationId, RSAPrivateKey key, Clock clock) {
        this.api = api;
        this.appId = appId;
        this.installationId = installationId;
        this.signer = Algorithm.RSA256(null, key);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        this.clock = clock;
    }

    @Override
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || Duration.between(now, expiresAt).compareTo(MARGIN) < 0) {
            mint(now);
        }
        return token;
    }

    private void mint(Instant now) {
        String jwt = JWT.create().withIssuer(appId).withIssuedAt(now.minusSeconds(60))
                .withExpiresAt(now.plus(Duration.ofMinutes(9))).sign(signer);
        String base = api.toString().endsWith("/") ? api.toString().substring(0, api.toString().length() - 1)
                : api.toString();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/app/installations/" + installationId
                        + "/access_tokens")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", GitHubApi.API_VERSION)
                .header("User-Agent", "voxloop").header("Authorization", "Bearer " + jwt)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new Problem(Problem.Kind.UNAUTHORIZED, "GitHub would not give App " + appId
                        + " a token for installation " + installationId + " (" + res.statusCode() + ")");
            }
            JsonNode n = GitHubApi.JSON.readTree(res.body());
            token = n.path("token").asText();
            expiresAt = Instant.parse(n.path("expires_at").asText());
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot reach GitHub at " + base + " for an App token");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while asking GitHub for an App token");
        }
    }

    /** The App's private key as GitHub hands it out (PEM, PKCS#1 {@code RSA PRIVATE KEY}) or as PKCS#8. */
    public static RSAPrivateKey privateKey(String pem) {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("github.app.private_key: not an RSA private key in PEM form");
        }
    }

    /** Wraps a PKCS#1 RSA key in PKCS#8's PrivateKeyInfo (version 0, rsaEncryption, the key as an octet string). */
    private static byte[] pkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octets = concat(new byte[] {0x04}, length(pkcs1.length), pkcs1);
        byte[] body = concat(algorithm, octets);
        return concat(new byte[] {0x30}, length(body.length), body);
    }

    private static byte[] length(int n) {
        if (n < 128) {
            return new byte[] {(byte) n};
        }
        if (n < 256) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 65536) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return "AppInstallation[app " + appId + ", installation " + installationId + "]";
    }
}
