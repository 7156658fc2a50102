package dev.voxloop.bench.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The request texts the speech benchmark speaks. {@code dev}: the 40 requests of
 * shared/testdata/intent/dev.tsv and the speech engineers' own bench/speech/dev-requests.txt,
 * dev-requests-3.txt and dev-requests-4.txt, used while choosing settings. {@code heldout}:
 * bench/heldout/requests.tsv, written apart from all tuning, run once the engine is frozen to judge it;
 * {@code heldout-b} to {@code heldout-j}: bench/heldout/requests-b.tsv to requests-j.tsv, the second to
 * tenth judging sets, written the same way and each run once.
 * {@code template-like}: sentences in the style of the offline engine's own templates (kept out of its corpus),
 * for comparison with earlier figures.
 */
public final class RequestSets {

    public static final List<String> NAMES = List.of("dev", "heldout", "heldout-b", "heldout-c", "heldout-d",
            "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j", "template-like");

    private RequestSets() {
    }

    public static List<String> load(String name) {
        return switch (name) {
            case "dev" -> {
                List<String> out = new ArrayList<>(tsvText(find("shared/testdata/intent/dev.tsv")));
                out.addAll(lines(find("bench/speech/dev-requests.txt")));
                out.addAll(lines(find("bench/speech/dev-requests-3.txt")));
                out.addAll(lines(find("bench/speech/dev-requests-4.txt")));
                yield out;
            }
            case "heldout" -> tsvText(find("bench/heldout/requests.tsv"));
            case "heldout-b" -> tsvText(find("bench/heldout/requests-b.tsv"));
            case "heldout-c" -> tsvText(find("bench/heldout/requests-c.tsv"));
            case "heldout-d" -> tsvText(find("bench/heldout/requests-d.tsv"));
            case "heldout-e" -> tsvText(find("bench/heldout/requests-e.tsv"));
            case "heldout-f" -> tsvText(find("bench/heldout/requests-f.tsv"));
            case "heldout-g" -> tsvText(find("bench/heldout/requests-g.tsv"));
            case "heldout-h" -> tsvText(find("bench/heldout/requests-h.tsv"));
            case "heldout-i" -> tsvText(find("bench/heldout/requests-i.tsv"));
            case "heldout-j" -> tsvText(find("bench/heldout/requests-j.tsv"));
            case "template-like" -> new ArrayList<>(dev.voxloop.speech.engine.offline.DomainCorpus.heldOutSentences());
            default -> throw new IllegalArgumentException("unknown request set " + name + "; one of " + NAMES);
        };
    }

    /** The first column of a TSV file with a header row. */
    public static List<String> tsvText(Path file) {
        List<String> all = lines(file);
        return all.subList(1, all.size()).stream().map(l -> l.split("\t")[0].strip()).filter(t -> !t.isEmpty())
                .toList();
    }

    /** Non-blank lines that are not # comments. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository or of ../shared, found by walking up from the working directory. */
    public static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
