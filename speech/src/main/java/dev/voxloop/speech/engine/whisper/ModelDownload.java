package dev.voxloop.speech.engine.whisper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a model file to a temporary name, computing its SHA-256 on the way, checks it against the expected
 * digest (given, or the one the server publishes: Hugging Face sends it as {@code X-Linked-Etag} for large
 * files), and only then moves it into place. A failed or mismatching download leaves nothing behind.
 */
public final class ModelDownload {

    /** Progress callbacks: total is -1 when the server did not say. */
    public interface Progress {
        void started(String name, long total);

        void advanced(long bytes);

        void finished();

        static Progress none() {
            return new Progress() {
                @Override
                public void started(String name, long total) {
                }

                @Override
                public void advanced(long bytes) {
                }

                @Override
                public void finished() {
                }
            };
        }
    }

    /** Outcome: where the file is, its digest, and what the digest was checked against. */
    public record Result(Path file, long bytes, String sha256, String checkedAgainst) {
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName().replace("Exception", "") + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName().replace("Exception", "");
    }

    public Result fetch(URI url, Path target, String expectedSha256, Progress progress) throws IOException {
        HttpResponse<InputStream> r;
        try {
            r = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            // the JDK's connect failures often carry no message ("null"): say what could not be reached
            throw new IOException("cannot reach " + url.getHost() + " to download " + url + " ("
                    + reason(e) + "); this machine may be offline. Copy a ggml model file into the models"
                    + " directory instead, or use --source URL for a mirror you can reach", e);
        }
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("download of " + url + " failed: HTTP " + r.statusCode());
        }
        String expected = Optional.ofNullable(expectedSha256).filter(s -> !s.isBlank())
                .or(() -> publishedDigest(r)).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest sha = sha256();
        long done = 0;
        progress.started(target.getFileName().toString(), total);
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                done += n;
                progress.advanced(n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        } finally {
            progress.finished();
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (total >= 0 && done != total) {
            Files.deleteIfExists(part);
            throw new IOException("download of " + url + " was cut short: " + done + " of " + total + " bytes");
        }
        if (expected != null && !expected.equals(actual)) {
            Files.deleteIfExists(part);
            throw new IOException("checksum mismatch for " + target.getFileName() + ": expected SHA-256 " + expected
                    + ", got " + actual + "; the file was not kept");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, done, actual, expected == null ? "none published" : expected);
    }

    private static Optional<String> publishedDigest(HttpResponse<?> r) {
        return r.headers().firstValue("X-Linked-Etag").or(() -> r.headers().firstValue("ETag"))
                .map(s -> s.replace("\"", "").replace("W/", "").strip())
                .filter(s -> s.matches("[0-9a-fA-F]{64}"));
    }

    public static String sha256Of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
