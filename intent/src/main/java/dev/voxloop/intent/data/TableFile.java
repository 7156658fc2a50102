package dev.voxloop.intent.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A word list or rule table kept as a resource file, read and checked when the class that uses it loads, so a
 * broken file stops start-up with its name and line.
 *
 * <p>The format, one entry a line, cells separated by tabs:
 * <ul>
 *   <li>{@code #} starts a comment line; blank lines are skipped;</li>
 *   <li>a line that starts with spaces or a tab continues the entry above: its text, without the leading
 *       whitespace, is appended to that entry's last cell (long regular expressions wrap this way, so a space
 *       that matters at a join is written {@code \s} or {@code [ ]});</li>
 *   <li>{@code @NAME<tab>text} defines a fragment that later cells use as <code>${NAME}</code> (a regular
 *       expression written once and shared by several rules).</li>
 * </ul>
 */
public final class TableFile {

    private static final Pattern FRAGMENT_USE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    /** One entry: its cells (fragments already substituted) and the line it starts on. */
    public record Row(String file, int line, List<String> cells) {

        public String cell(int i) {
            return cells.get(i);
        }

        public double number(int i) {
            try {
                return Double.parseDouble(cells.get(i));
            } catch (NumberFormatException e) {
                throw error("cell " + (i + 1) + " must be a number, not '" + cells.get(i) + "'");
            }
        }

        /** Cell {@code i} compiled as a regular expression. */
        public Pattern pattern(int i) {
            try {
                return Pattern.compile(cells.get(i));
            } catch (PatternSyntaxException e) {
                throw error("the regular expression does not compile: " + e.getDescription() + " at index "
                        + e.getIndex());
            }
        }

        /** A failure that names the file and line, for whatever the caller finds wrong with this row. */
        public IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + line + ": " + message);
        }
    }

    private final String file;
    private final List<Row> rows;

    private TableFile(String file, List<Row> rows) {
        this.file = file;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param resource the file on the class path, e.g. {@code /dev/voxloop/intent/embedded/type-cues.tsv}
     * @param columns  how many cells every entry has
     * @throws IllegalStateException naming the file and line when it is missing or malformed
     */
    public static TableFile load(String resource, int columns) {
        List<String[]> raw = read(resource);
        Map<String, String> fragments = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (String[] entry : raw) {
            int line = Integer.parseInt(entry[0]);
            String text = entry[1];
            if (text.startsWith("@")) {
                String[] def = text.substring(1).split("\t", 2);
                if (def.length != 2 || !def[0].matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalStateException(resource + ":" + line
                            + ": a fragment is @NAME, a tab, then its text");
                }
                fragments.put(def[0], substitute(def[1], fragments, resource, line));
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : text.split("\t", -1)) {
                cells.add(substitute(cell.strip(), fragments, resource, line));
            }
            if (cells.size() != columns || cells.stream().anyMatch(String::isEmpty)) {
                throw new IllegalStateException(resource + ":" + line + ": expected " + columns
                        + " non-empty tab-separated cells, found " + cells.size());
            }
            rows.add(new Row(resource, line, List.copyOf(cells)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(resource + ": the file has no entries");
        }
        return new TableFile(resource, rows);
    }

    /** A one-column file as a set of words or phrases. */
    public static Set<String> words(String resource) {
        Set<String> out = new LinkedHashSet<>();
        for (Row r : load(resource, 1).rows()) {
            if (!out.add(r.cell(0))) {
                throw r.error("'" + r.cell(0) + "' is listed twice");
            }
        }
        return Set.copyOf(out);
    }

    public List<Row> rows() {
        return rows;
    }

    public String file() {
        return file;
    }

    private static String substitute(String text, Map<String, String> fragments, String resource, int line) {
        Matcher m = FRAGMENT_USE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fragments.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(resource + ":" + line + ": unknown fragment ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Entries as {line number, text}, with comments and blank lines dropped and continuation lines joined. */
    private static List<String[]> read(String resource) {
        List<String[]> entries = new ArrayList<>();
        try (InputStream in = TableFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (Character.isWhitespace(line.charAt(0))) {
                    if (entries.isEmpty()) {
                        throw new IllegalStateException(resource + ":" + n + ": a continuation line with no entry"
                                + " above it");
                    }
                    String[] last = entries.getLast();
                    last[1] = last[1] + line.strip();
                    continue;
                }
                entries.add(new String[] {String.valueOf(n), line});
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read: " + e.getMessage(), e);
        }
        return entries;
    }
}
