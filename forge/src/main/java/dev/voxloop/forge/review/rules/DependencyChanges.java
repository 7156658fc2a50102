package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dependencies added or changed in a build manifest (Maven, Gradle, npm, pip, Go modules) that the project's
 * allowlist does not name. Removals are not reported; lock files are left to their manifests.
 */
public record DependencyChanges() implements Rule {

    @Override
    public Category category() {
        return Category.DEPENDENCY;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        Set<String> allowed = change.request().project().dependencyAllowlist().stream()
                .map(DependencyChanges::normal).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (DiffFile f : change.files()) {
            if (f.newPath() == null) {
                continue;
            }
            Map<String, DiffLine> changed = new LinkedHashMap<>();
            for (ManifestEntry e : ManifestEntry.read(f)) {
                changed.putIfAbsent(e.name(), e.line());
            }
            changed.forEach((name, line) -> {
                if (!allowedName(name, allowed)) {
                    out.add(finding(Severity.MAJOR, f.path(), line.newLine(),
                            "dependency '" + name + "' is added or changed and is not on the project's allowlist",
                            "use a dependency the project already allows, or have a person add it to the allowlist"));
                }
            });
        }
        return out;
    }

    private static boolean allowedName(String name, Set<String> allowed) {
        String n = normal(name);
        if (allowed.contains(n)) {
            return true;
        }
        int colon = n.indexOf(':');
        return colon > 0 && allowed.contains(n.substring(0, colon) + ":*");
    }

    /** Case, and pip's equivalence of '-', '_' and '.', do not tell names apart. */
    static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.contains(":") || n.contains("/") || n.startsWith("@") ? n : n.replaceAll("[-_.]+", "-");
    }
}
