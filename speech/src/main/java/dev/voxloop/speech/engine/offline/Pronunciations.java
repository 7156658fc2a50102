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
    private final Map<String, List<String>> writtenParts;

    private Pronunciations(Map<String, List<String>> dict, Map<String, List<String>> writtenParts) {
        this.dict = dict;
        this.writtenParts = writtenParts;
    }

    /** Reads the entries for the given words only (keeps memory and Sphinx's load time small). */
    public static Pronunciations forWords(Collection<String> words) {
        return forWords(words, Map.of());
    }

    /**
     * As {@link #forWords(Collection)}, knowing where run-together names split as their owners write them
     * ({@link #nameParts}: "bookit" is "book" + "it", not "boo" + "kit").
     */
    public static Pronunciations forWords(Collection<String> words, Map<String, List<String>> writtenParts) {
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
        return new Pronunciations(dict, Map.copyOf(writtenParts));
    }

    /**
     * The parts of each run-together name as its capitals split it ("BookIt" -> bookit = [book, it],
     * "EventIt" -> eventit = [event, it]), lower case; names without an inner capital are left out.
     */
    public static Map<String, List<String>> nameParts(Collection<String> names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : names) {
            for (String token : name.split("[^A-Za-z0-9]+")) {
                String[] parts = token.split("(?<=[a-z0-9])(?=[A-Z])");
                if (parts.length >= 2) {
                    out.put(token.toLowerCase(java.util.Locale.ROOT), java.util.Arrays.stream(parts)
                            .map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList());
                }
            }
        }
        return out;
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
        List<String> named = writtenParts.containsKey(word) ? joined(writtenParts.get(word)) : List.of();
        List<String> out = new ArrayList<>(named.isEmpty() ? compound(word) : named);
        if (!out.isEmpty()) {
            return out; // "signup" = "sign" + "up", "webhook" = "web" + "hook", "bookit" = "book" + "it"
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

    /** At most this many ways to say one run-together word (each is an arc in every search of the decoder). */
    static final int MAX_COMPOUND_VARIANTS = 6;

    /**
     * Two dictionary words run together, longest first part first (at least 3 letters each side), in every way
     * the dictionary says each part ("eventit": "event" as IH V EH N T and IY V EH N T), and, when the second
     * part is one unstressed syllable, also with its vowel reduced to a schwa the way it is run on in speech
     * ("bookit" said "book-ut": B UH K AH T). Empty when the word is no compound.
     */
    private List<String> compound(String word) {
        for (int i = word.length() - 3; i >= 3; i--) {
            List<String> found = parts(word, i);
            if (!found.isEmpty()) {
                return found;
            }
        }
        for (int i = 2; i <= word.length() - 2; i++) {
            if (i == 2 || word.length() - i == 2) {
                List<String> found = parts(word, i);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    private List<String> parts(String word, int split) {
        return joined(List.of(word.substring(0, split), word.substring(split)));
    }

    /** Every way of saying the parts one after the other (empty when a part has no dictionary entry). */
    private List<String> joined(List<String> parts) {
        List<String> ways = List.of("");
        for (int k = 0; k < parts.size(); k++) {
            List<String> said = dict.get(parts.get(k));
            if (said == null) {
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String say : said) {
                for (String way : ways) {
                    next.add(way.isEmpty() ? say : way + " " + say);
                }
            }
            ways = next;
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(ways);
        String last = dict.get(parts.getLast()).get(0);
        String reduced = reduced(last);
        if (reduced != null) {
            String first = ways.get(0);
            out.add(first.substring(0, first.length() - last.length()) + reduced);
        }
        return out.stream().limit(MAX_COMPOUND_VARIANTS).toList();
    }

    private static final java.util.Set<String> VOWELS = java.util.Set.of("AA", "AE", "AH", "AO", "AW", "AY", "EH",
            "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW");

    /** A one-syllable part with IH or EH ("it", "set") as it sounds run on, with a schwa; else null. */
    static String reduced(String phones) {
        String[] p = phones.split(" ");
        int vowels = 0;
        int at = -1;
        for (int i = 0; i < p.length; i++) {
            if (VOWELS.contains(p[i])) {
                vowels++;
                at = i;
            }
        }
        if (vowels != 1 || !(p[at].equals("IH") || p[at].equals("EH"))) {
            return null;
        }
        p[at] = "AH";
        return String.join(" ", p);
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
