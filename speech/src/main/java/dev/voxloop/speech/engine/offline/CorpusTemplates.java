package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain corpus's templates and word lists, read from resource files next to this class (corpus/): a
 * template is a sentence with {slot} places, slots.txt has one [slot] section of values per slot, and
 * project-templates.txt puts the tracker's words ({project}) into ticket phrasing. Checked when read: every
 * slot a template names exists and has values, every slot is used, values are plain lower-case words.
 *
 * @param slots            values per slot name
 * @param templates        sentences with slots
 * @param projectTemplates sentences with a {project} slot and other slots
 */
record CorpusTemplates(Map<String, List<String>> slots, List<String> templates, List<String> projectTemplates) {

    static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");
    static final String PROJECT = "project";
    private static final Pattern VALUE = Pattern.compile("[a-z0-9' ]+");

    CorpusTemplates {
        slots = Map.copyOf(slots);
        templates = List.copyOf(templates);
        projectTemplates = List.copyOf(projectTemplates);
        validate(slots, templates, projectTemplates);
    }

    /** The shipped corpus files. */
    static CorpusTemplates load() {
        return new CorpusTemplates(slots(lines(read("corpus/slots.txt"))), lines(read("corpus/templates.txt")),
                lines(read("corpus/project-templates.txt")));
    }

    private static void validate(Map<String, List<String>> slots, List<String> templates, List<String> projects) {
        Set<String> used = new HashSet<>();
        List<String> all = new ArrayList<>(templates);
        all.addAll(projects);
        for (String t : all) {
            Matcher m = SLOT.matcher(t);
            while (m.find()) {
                String slot = m.group(1);
                if (!slot.equals(PROJECT) && !slots.containsKey(slot)) {
                    throw new IllegalStateException("corpus template \"" + t + "\" names slot {" + slot
                            + "}, which slots.txt does not define");
                }
                used.add(slot);
            }
        }
        for (String t : projects) {
            if (!t.contains("{" + PROJECT + "}")) {
                throw new IllegalStateException("project template \"" + t + "\" has no {project} place");
            }
        }
        slots.forEach((slot, values) -> {
            if (values.isEmpty()) {
                throw new IllegalStateException("corpus slot [" + slot + "] has no values");
            }
            if (!used.contains(slot)) {
                throw new IllegalStateException("corpus slot [" + slot + "] is not used by any template");
            }
            for (String v : values) {
                if (!VALUE.matcher(v).matches()) {
                    throw new IllegalStateException("corpus slot [" + slot + "] value \"" + v
                            + "\" is not plain lower-case words");
                }
            }
        });
    }

    private static Map<String, List<String>> slots(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                if (out.put(line.substring(1, line.length() - 1), current) != null) {
                    throw new IllegalStateException("corpus slot " + line + " is defined twice");
                }
            } else if (current == null) {
                throw new IllegalStateException("slots.txt: value \"" + line + "\" before the first [slot]");
            } else {
                current.add(line);
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = CorpusTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
