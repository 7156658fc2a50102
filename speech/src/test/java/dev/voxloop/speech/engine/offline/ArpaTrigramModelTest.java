package dev.voxloop.speech.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArpaTrigramModelTest {

    private final ArpaTrigramModel model = new ArpaTrigramModel(List.of("create a bug", "create a task",
            "create a bug for the login page", "fix the login page"));
    private final String arpa = model.toArpa();

    @Test
    void headerCountsMatchTheSections() {
        assertThat(arpa).startsWith("\\data\\\n").endsWith("\\end\\\n");
        assertThat(arpa).contains("ngram 1=" + (model.vocabulary().size() + 2));
        int bigrams = arpa.substring(arpa.indexOf("\\2-grams:"), arpa.indexOf("\\3-grams:")).strip().split("\n").length - 1;
        assertThat(arpa).contains("ngram 2=" + bigrams);
    }

    @Test
    void unigramDistributionSumsToOne() {
        double sum = 0;
        for (String line : section("\\1-grams:")) {
            String[] f = line.split(" ");
            if (!f[1].equals("<s>")) {
                sum += Math.pow(10, Double.parseDouble(f[0]));
            }
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void bigramDistributionWithBackoffSumsToOne() {
        Map<String, Double> uni = new HashMap<>();
        Map<String, Double> bow = new HashMap<>();
        for (String line : section("\\1-grams:")) {
            String[] f = line.split(" ");
            uni.put(f[1], Math.pow(10, Double.parseDouble(f[0])));
            if (f.length > 2) {
                bow.put(f[1], Math.pow(10, Double.parseDouble(f[2])));
            }
        }
        Map<String, Double> seen = new HashMap<>();
        for (String line : section("\\2-grams:")) {
            String[] f = line.split(" ");
            if (f[1].equals("a")) {
                seen.put(f[2], Math.pow(10, Double.parseDouble(f[0])));
            }
        }
        double sum = 0;
        for (String w : uni.keySet()) {
            if (w.equals("<s>")) {
                continue;
            }
            sum += seen.containsKey(w) ? seen.get(w) : bow.get("a") * uni.get(w);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    private List<String> section(String name) {
        int start = arpa.indexOf(name) + name.length() + 1;
        int end = arpa.indexOf("\n\n", start);
        return List.of(arpa.substring(start, end).split("\n"));
    }
}
