package dev.voxloop.bench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The held-out review set (bench/heldout/review, written apart from the rules) stays out of what the reviewer is
 * built from: no token of its diffs (a run of 16+ letters and digits: secrets, names, values) appears in the rules'
 * sources or resources (unless the case format that both sets follow, bench/review/case-format.md, names it, such as
 * {@code --passWithNoTests}), no held-out case is a near copy of a development case, and no id is shared. Fails naming the
 * case, never printing held-out text.
 */
class HeldOutReviewSetTest {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=]{16,}");

    @Test
    void theHeldOutSetIsComplete() {
        List<ReviewCase> cases = ReviewCase.load(ReviewSetFormatTest.find("bench/heldout/review"));
        assertThat(cases.stream().filter(c -> !c.expected().isEmpty())).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases.stream().filter(c -> c.expected().isEmpty())).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void noHeldOutTokenIsInTheRules() {
        String rules = read(ReviewSetFormatTest.find("forge/src/main/java/dev/voxloop/forge/review"))
                + read(ReviewSetFormatTest.find("forge/src/main/resources/dev/voxloop/forge/review"));
        assertThat(rules.contains("record Secrets(")).as("the rules were read").isTrue();
        String format = read(ReviewSetFormatTest.find("bench/review/case-format.md"));
        for (ReviewCase c : ReviewCase.load(ReviewSetFormatTest.find("bench/heldout/review"))) {
            long leaked = tokens(c.request().diff()).stream().filter(t -> !common(t)).filter(t -> !format.contains(t))
                    .filter(rules::contains).count();
            assertThat(leaked).as("tokens of held-out case %s found in the rules", c.id()).isZero();
        }
    }

    @Test
    void noHeldOutCaseCopiesADevelopmentCase() {
        List<ReviewCase> dev = ReviewCase.load(ReviewSetFormatTest.find("bench/review/dev"));
        Set<String> devIds = dev.stream().map(ReviewCase::id).collect(Collectors.toSet());
        List<Set<String>> devLines = dev.stream().map(c -> changedLines(c.request().diff())).toList();
        for (ReviewCase c : ReviewCase.load(ReviewSetFormatTest.find("bench/heldout/review"))) {
            assertThat(devIds).as("held-out case id %s", c.id()).doesNotContain(c.id());
            Set<String> lines = changedLines(c.request().diff());
            for (Set<String> d : devLines) {
                Set<String> shared = new HashSet<>(lines);
                shared.retainAll(d);
                assertThat(lines.isEmpty() ? 0.0 : (double) shared.size() / lines.size())
                        .as("share of held-out case %s's changed lines in one development case", c.id())
                        .isLessThan(0.5);
            }
        }
    }

    /** Changed lines long enough to say something (not braces, imports or blank lines). */
    private static Set<String> changedLines(String diff) {
        return diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
                        && !l.startsWith("---"))
                .map(l -> l.substring(1).strip()).filter(l -> l.length() >= 25 && !l.startsWith("import "))
                .collect(Collectors.toSet());
    }

    private static Set<String> tokens(String diff) {
        Set<String> out = new HashSet<>();
        diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).forEach(l -> {
            Matcher m = TOKEN.matcher(l);
            while (m.find()) {
                out.add(m.group());
            }
        });
        return out;
    }

    /** Words any code has (long identifiers of the JDK and test libraries), not the set's own content. */
    private static boolean common(String token) {
        return token.matches("[a-z]+([A-Z][a-z]+)+|[A-Z][a-z]+([A-Z][a-z]+)+|[a-z_]+|[A-Z_]+|[a-z]+(-[a-z]+)+");
    }

    private static String read(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) { // a directory's files, or one file
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
