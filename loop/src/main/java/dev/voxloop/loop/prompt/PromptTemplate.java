package dev.voxloop.loop.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders, checked when it is made: a placeholder the template's users do not
 * supply is an error at start-up, not a literal "{nme}" in an agent's prompt. Rendering is one pass, so values
 * (ticket text, gate output) are never scanned for placeholders themselves. Braces that do not enclose a plain
 * name ({@code {"a": 1}}, {@code { }}) are ordinary text.
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String name;
    private final String text;
    private final Set<String> used;

    private PromptTemplate(String name, String text, Set<String> used) {
        this.name = name;
        this.text = text;
        this.used = used;
    }

    /**
     * @param name    where the text came from, for error messages (a resource or a configuration key)
     * @param allowed the placeholders the code fills in
     * @throws IllegalArgumentException naming the unknown placeholders and the allowed ones
     */
    public static PromptTemplate of(String name, String text, Set<String> allowed) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            (allowed.contains(m.group(1)) ? used : unknown).add(m.group(1));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(name + " uses unknown placeholder(s) " + braces(unknown)
                    + "; it may use " + braces(new TreeSet<>(allowed)));
        }
        return new PromptTemplate(name, text, Set.copyOf(used));
    }

    /** A template shipped in this module's resources ({@code dev/voxloop/loop/prompt/<file>}). */
    public static PromptTemplate resource(String file, Set<String> allowed) {
        String path = "/dev/voxloop/loop/prompt/" + file;
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return of(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), allowed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }

    /** The placeholders this template uses. */
    public Set<String> placeholders() {
        return used;
    }

    /**
     * The text with every placeholder replaced.
     *
     * @throws IllegalStateException when a placeholder the template uses has no value (a defect in the caller)
     */
    public String render(Map<String, String> values) {
        for (String p : used) {
            if (values.get(p) == null) {
                throw new IllegalStateException(name + ": no value for {" + p + "}");
            }
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String braces(Set<String> names) {
        return names.stream().map(n -> "{" + n + "}").reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
