package dev.voxloop.bench.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.forge.review.ReviewContextFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One labelled case of a review set ({@code <id>/diff.patch} and {@code <id>/case.json}, the format of
 * docs/review.md): the request the reviewer gets and the findings a careful reviewer would report.
 */
public record ReviewCase(String id, ReviewRequest request, List<Expected> expected) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A finding the case expects; path and line are null when it is about the whole change or file. */
    public record Expected(Category category, String path, Integer line) {

        /** Same category; same path and a line within {@code tolerance} where both sides name one. */
        public boolean matchedBy(Finding f, int tolerance) {
            return f.category() == category
                    && (path == null || f.path() == null || path.equals(f.path()))
                    && (line == null || f.line() == null || Math.abs(line - f.line()) <= tolerance);
        }
    }

    /** Every case directory under {@code set}, by name. */
    public static List<ReviewCase> load(Path set) {
        if (!Files.isDirectory(set)) {
            throw new IllegalArgumentException(set + " is not a directory of review cases");
        }
        try (Stream<Path> dirs = Files.list(set)) {
            List<ReviewCase> out = new ArrayList<>();
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList()) {
                out.add(read(d));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(set + " holds no <id>/case.json");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReviewCase read(Path dir) throws IOException {
        String id = dir.getFileName().toString();
        ReviewContextFile context = ReviewContextFile.read(dir.resolve("case.json"));
        String diff = Files.readString(dir.resolve("diff.patch"));
        List<Expected> expected = new ArrayList<>();
        for (JsonNode e : JSON.readTree(dir.resolve("case.json").toFile()).path("expected")) {
            expected.add(new Expected(Category.parse(e.path("category").asText()),
                    e.hasNonNull("path") ? e.path("path").asText() : null,
                    e.hasNonNull("line") ? e.path("line").asInt() : null));
        }
        return new ReviewCase(id, context.request(ReviewRequest.ChangeRef.local(id, "base", null), diff), expected);
    }
}
