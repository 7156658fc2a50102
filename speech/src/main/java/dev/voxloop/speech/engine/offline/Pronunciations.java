package dev.voxloop.speech.engine.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pronunciations for the language model's words: CMUdict (shipped with sphinx4-data) where it has the word,
 * otherwise letter-to-sound rules, and for short keys and acronyms ("vox", "api") also the spelled-out letters.
 */
public final class Pronunciations {

    public static final String CMUDICT = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

    private final Map<String, List<String>> dict;

    private Pronunciations(Map<String, List<String>> dict) {
        this.dict = dict;
    }

    /** Reads the entries for the given words only (keeps memory and Sphinx's load time small). */
    public static Pronunciations forWords(Collection<String> words) {
        java.util.Set<String> wanted = new java.util.HashSet<>(words);
        for (char c = 'a'; c <= 'z'; c++) {
            wanted.add(String.valueOf(c));
        }
        wanted.addAll(LetterToSound.DIGITS);
        for (String w : words) {
            for (int i = 2; i <= w.length() - 2; i++) {
                wanted.add(w.substring(0, i));
                wanted.add(w.substring(i));
            }
        }
        Map<String, List<String>> dict = new HashMap<>();
        try (InputStream in = Pronunciations.class.getResourceAsStream(CMUDICT);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int sp = line.indexOf(' ');
                if (sp <= 0) {
                    continue;
                }
                String word = line.substring(0, sp);
                int paren = word.indexOf('(');
                String base = paren > 0 ? word.substring(0, paren) : word;
                if (wanted.contains(base)) {
                    dict.computeIfAbsent(base, k -> new ArrayList<>()).add(line.substring(sp + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pronunciations(dict);
    }

    /** Acronyms people say letter by letter (CMUdict often reads them as words). */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("api", "csv", "pdf", "ssl", "ios", "ci",
            "ui", "url", "sql", "aws", "sso", "cd", "qa", "vpn", "cpu", "jwt", "css", "html", "sms", "ux");

    public boolean known(String word) {
        return dict.containsKey(word);
    }

    /** All pronunciations of a word: dictionary, else letter-to-sound plus spelled-out letters when short. */
    public List<String> of(String word) {
        List<String> known = dict.get(word);
        if (known != null) {
            if (ACRONYMS.contains(word)) {
                List<String> withLetters = new ArrayList<>(known);
                String spelled = spell(word);
                if (!withLetters.contains(spelled)) {
                    withLetters.add(spelled);
                }
                return withLetters;
            }
            return known;
        }
        List<String> out = new ArrayList<>();
        String compound = compound(word);
        if (compound != null) {
            out.add(compound); // "signup" = "sign" + "up", "webhook" = "web" + "hook"
            return out;
        }
        boolean hasDigit = word.chars().anyMatch(Character::isDigit);
        if (!hasDigit) {
            String lts = LetterToSound.convert(word);
            if (!lts.isEmpty()) {
                out.add(lts);
            }
        }
        if (hasDigit || word.length() <= 4 || out.isEmpty()) {
            String spelled = spell(word);
            if (!spelled.isEmpty() && !out.contains(spelled)) {
                out.add(spelled);
            }
        }
        return out;
    }

    /** Two dictionary words run together, longest first part first (at least 3 letters each side). */
    private String compound(String word) {
        for (int i = word.length() - 3; i >= 3; i--) {
            List<String> head = dict.get(word.substring(0, i));
            List<String> tail = dict.get(word.substring(i));
            if (head != null && tail != null) {
                return head.get(0) + " " + tail.get(0);
            }
        }
        for (int i = 2; i <= word.length() - 2; i++) {
            List<String> head = dict.get(word.substring(0, i));
            List<String> tail = dict.get(word.substring(i));
            if (head != null && tail != null && (i == 2 || word.length() - i == 2)) {
                return head.get(0) + " " + tail.get(0);
            }
        }
        return null;
    }

    private String spell(String word) {
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            String key = Character.isDigit(c) ? LetterToSound.DIGITS.get(c - '0') : String.valueOf(c);
            List<String> p = dict.get(key);
            if (p == null) {
                continue;
            }
            sb.append(sb.isEmpty() ? "" : " ").append(p.get(0));
        }
        return sb.toString();
    }

    /** Sphinx dictionary text: "word PH ONES", alternates as "word(2) ...". */
    public String dictionaryFor(Collection<String> words) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String w : new java.util.TreeSet<>(words)) {
            List<String> p = of(w);
            if (!p.isEmpty()) {
                entries.put(w, p);
            }
        }
        StringBuilder sb = new StringBuilder();
        entries.forEach((w, ps) -> {
            for (int i = 0; i < ps.size(); i++) {
                sb.append(w).append(i == 0 ? "" : "(" + (i + 1) + ")").append(' ').append(ps.get(i)).append('\n');
            }
        });
        return sb.toString();
    }
}
