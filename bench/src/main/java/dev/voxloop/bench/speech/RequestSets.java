package dev.voxloop.bench.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request texts the speech benchmark speaks. {@code dev}: the 40 requests of
 * shared/testdata/intent/dev.tsv and every development batch of bench/speech (dev-requests.txt,
 * dev-requests-N.txt), used while choosing settings; a path ending in ".txt" names one such
 * file of requests alone (one per line), to decode a new development batch by itself. {@code heldout}:
 * bench/heldout/requests.tsv, written apart from all tuning, run once the engine is frozen to judge it;
 * {@code heldout-X} for each letter X of {@link #LATER_JUDGING_SETS}: bench/heldout/requests-X.tsv, the later
 * judging sets, written the same way and each run once (a new set is its file and its letter).
 * {@code template-like}: sentences in the style of the offline engine's own templates (kept out of its corpus),
 * for comparison with earlier figures.
 */
public final class RequestSets {

    /** The judging sets after the first: "heldout-b" reads bench/heldout/requests-b.tsv, and so on. */
    private static final String LATER_JUDGING_SETS = "bcdefghijklmnopqrstuvw";

    public static final List<String> NAMES = names();

    private RequestSets() {
    }

    public static List<String> load(String name) {
        return switch (name) {
            case "dev" -> {
                List<String> out = new ArrayList<>(tsvText(find("shared/testdata/intent/dev.tsv")));
                devBatches().forEach(f -> out.addAll(lines(f)));
                yield out;
            }
            case "template-like" -> new ArrayList<>(dev.voxloop.speech.engine.offline.DomainCorpus.heldOutSentences());
            default -> {
                if (name.endsWith(".txt")) {
                    Path file = Path.of(name);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("no request file " + name);
                    }
                    yield lines(file);
                }
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown request set " + name + "; one of " + NAMES);
                }
                yield tsvText(find("bench/heldout/requests" + name.substring("heldout".length()) + ".tsv"));
            }
        };
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>(List.of("dev", "heldout"));
        LATER_JUDGING_SETS.chars().forEach(c -> out.add("heldout-" + (char) c));
        out.add("template-like");
        return List.copyOf(out);
    }

    /**
     * Every development batch, bench/speech/dev-requests.txt then dev-requests-N.txt by N: a new batch is its file,
     * and it joins the set without a code change.
     */
    static List<Path> devBatches() {
        Pattern batch = Pattern.compile("dev-requests(?:-(\\d+))?\\.txt");
        try (Stream<Path> files = Files.list(find("bench/speech"))) {
            return files.filter(f -> batch.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(f -> {
                        Matcher m = batch.matcher(f.getFileName().toString());
                        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
                    }))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
