package dev.voxloop.core.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One thing a reviewer points out.
 *
 * @param path       the file it is about, or null when it is about the whole change (its size, a criterion)
 * @param line       the line in the file's new version (in the old version for a removed line), or null for the
 *                   whole file
 * @param suggestion what to do instead, or null
 * @param author     the reviewer that found it: a rule set, a model, a person's login
 * @param followUp   worth a ticket of its own rather than a fix in this change
 */
public record Finding(String path, Integer line, Severity severity, Category category, String message,
                      String suggestion, String author, boolean followUp) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        message = message == null ? "" : message;
        author = author == null ? "" : author;
    }

    /**
     * The same problem reported again (a later round, another run) has the same fingerprint: category, path and
     * message, not the line, which moves as the file is edited.
     */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((category.id() + "\n" + (path == null ? "" : path)
                    + "\n" + message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code path:line}, {@code path} or {@code (change)}. */
    public String where() {
        return path == null ? "(change)" : line == null ? path : path + ":" + line;
    }
}
