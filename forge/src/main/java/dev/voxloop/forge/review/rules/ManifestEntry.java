package dev.voxloop.forge.review.rules;

import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dependency an added line of a build manifest declares or re-versions, with that line. Read from what the diff
 * shows of the manifest (the hunks' context and added lines), not from the whole file.
 */
record ManifestEntry(String name, DiffLine line) {

    private static final Pattern XML_TAG = Pattern.compile("<(groupId|artifactId)>\\s*([^<\\s]+)\\s*</\\1>");
    private static final Pattern NPM_ENTRY = Pattern.compile(
            "^\\s*\"(@?[A-Za-z0-9._\\-/]+)\"\\s*:\\s*\"([\\^~<>=]*\\s*\\d[^\"]*|latest|next|\\*|(git|git\\+\\w+|github|npm"
                    + "|file|link|workspace|https?):[^\"]*)\"\\s*,?\\s*$");
    private static final Pattern PIP_LINE = Pattern.compile(
            "^\\s*([A-Za-z0-9][A-Za-z0-9._\\-]*)\\s*(\\[[^]]*])?\\s*(==|>=|<=|~=|!=|>|<|===|@)?.*$");
    private static final Pattern QUOTED_PIP = Pattern.compile(
            "^\\s*[\"']([A-Za-z0-9][A-Za-z0-9._\\-]*)\\s*(\\[[^]]*])?\\s*([<>=!~@][^\"']*)?[\"']\\s*,?\\s*(#.*)?$");
    private static final Pattern TOML_ENTRY = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._\\-]*)\\s*=\\s*[\"{]");
    private static final Pattern GO_REQUIRE = Pattern.compile(
            "^\\s*(?:require\\s+)?([a-z0-9.\\-]+\\.[a-z]{2,}/[^\\s]+)\\s+v\\d[^\\s]*\\s*(//.*)?$");
    private static final Pattern GRADLE = Pattern.compile(
            "\\b(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|annotationProcessor"
                    + "|kapt|classpath)\\s*\\(?\\s*[\"']([^:\"'\\s]+):([^:\"'\\s]+)(:[^\"']*)?[\"']");

    static List<ManifestEntry> read(DiffFile f) {
        String name = FileRoles.name(f.path()).toLowerCase(Locale.ROOT);
        if (name.equals("pom.xml")) {
            return maven(f);
        }
        if (name.equals("package.json")) {
            return each(f, t -> npm(t));
        }
        if (name.matches("(requirements|constraints)[\\w.\\-]*\\.(txt|in)")) {
            return each(f, ManifestEntry::pip);
        }
        if (name.equals("pyproject.toml") || name.equals("pipfile") || name.equals("setup.py")
                || name.equals("setup.cfg")) {
            return python(f);
        }
        if (name.equals("go.mod")) {
            return each(f, t -> {
                Matcher m = GO_REQUIRE.matcher(t);
                return m.matches() && (m.group(2) == null || !m.group(2).contains("indirect")) ? m.group(1) : null;
            });
        }
        if (name.equals("build.gradle") || name.equals("build.gradle.kts")) {
            return each(f, t -> {
                Matcher m = GRADLE.matcher(t);
                return m.find() ? m.group(2) + ":" + m.group(3) : null;
            });
        }
        return List.of();
    }

    private interface LineName {
        String of(String text);
    }

    private static List<ManifestEntry> each(DiffFile f, LineName names) {
        List<ManifestEntry> out = new ArrayList<>();
        for (DiffLine l : f.added()) {
            String n = names.of(l.text());
            if (n != null) {
                out.add(new ManifestEntry(n, l));
            }
        }
        return out;
    }

    private static String npm(String text) {
        Matcher m = NPM_ENTRY.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1);
        return Pattern.matches("node|npm|yarn|pnpm|version|bun|deno", key) ? null : key;
    }

    private static String pip(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("-")) {
            return null;
        }
        Matcher m = PIP_LINE.matcher(t);
        return m.matches() ? m.group(1) : null;
    }

    /** pyproject/Pipfile/setup: quoted requirement strings, and {@code name = "..."} inside dependency tables. */
    private static List<ManifestEntry> python(DiffFile f) {
        List<ManifestEntry> out = new ArrayList<>();
        boolean inDependencies = false;
        for (DiffLine l : f.lines()) {
            if (l.removed()) {
                continue;
            }
            String t = l.text().strip();
            if (t.startsWith("[")) {
                inDependencies = t.toLowerCase(Locale.ROOT).matches("\\[.*(dependencies|packages).*]");
            } else if (t.matches("(?i).*(dependencies|requires|install_requires)\\s*=\\s*\\[.*")) {
                inDependencies = true;
            }
            if (!l.added()) {
                continue;
            }
            Matcher q = QUOTED_PIP.matcher(l.text());
            Matcher toml = TOML_ENTRY.matcher(l.text());
            if (q.matches()) {
                out.add(new ManifestEntry(q.group(1), l));
            } else if (inDependencies && toml.find() && !toml.group(1).equalsIgnoreCase("python")) {
                out.add(new ManifestEntry(toml.group(1), l));
            }
        }
        return out;
    }

    /**
     * Maven: an added line inside a {@code <dependency>}, {@code <plugin>} or {@code <extension>} block names that
     * block's groupId:artifactId, read from the block as the diff shows it (new-file lines).
     */
    private static List<ManifestEntry> maven(DiffFile f) {
        List<DiffLine> visible = f.lines().stream().filter(l -> !l.removed()).toList();
        List<ManifestEntry> out = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            DiffLine l = visible.get(i);
            if (!l.added()) {
                continue;
            }
            int start = i;
            while (start >= 0 && !opens(visible.get(start).text())) {
                if (closes(visible.get(start).text()) && start != i) {
                    start = -1;
                    break;
                }
                start--;
            }
            if (start < 0) {
                continue;
            }
            int end = i;
            while (end < visible.size() && !closes(visible.get(end).text())) {
                end++;
            }
            String group = null;
            String artifact = null;
            DiffLine at = l;
            for (int j = start; j <= Math.min(end, visible.size() - 1); j++) {
                Matcher m = XML_TAG.matcher(visible.get(j).text());
                while (m.find()) {
                    if (m.group(1).equals("groupId") && group == null) {
                        group = m.group(2);
                    } else if (m.group(1).equals("artifactId") && artifact == null) {
                        artifact = m.group(2);
                        at = visible.get(j).added() ? visible.get(j) : l;
                    }
                }
            }
            if (artifact != null) {
                out.add(new ManifestEntry((group == null ? "org.apache.maven.plugins" : group) + ":" + artifact, at));
            }
        }
        return out;
    }

    private static boolean opens(String text) {
        return text.matches("\\s*<(dependency|plugin|extension)>.*");
    }

    private static boolean closes(String text) {
        return text.matches(".*</(dependency|plugin|extension)>\\s*");
    }
}
