package dev.voxloop.forge.review.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A well-known credential shape, read from {@code secret-formats.tsv} beside this class.
 *
 * @param keywords lower-case texts one of which a line must hold before the pattern is tried (cheap to check)
 */
record SecretFormat(String id, String description, List<String> keywords, Pattern pattern) {

    static final String RESOURCE = "secret-formats.tsv";

    /** Whether {@code lowerCaseLine} holds one of the keywords, so the pattern may match. */
    boolean mayMatch(String lowerCaseLine) {
        for (String k : keywords) {
            if (lowerCaseLine.contains(k)) {
                return true;
            }
        }
        return false;
    }

    static List<SecretFormat> builtIn() {
        try (InputStream in = SecretFormat.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the forge module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 4))
                    .map(c -> new SecretFormat(c[0], c[1], List.of(c[2].toLowerCase(Locale.ROOT).split(",")),
                            Pattern.compile(c[3])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
