package dev.voxloop.core.guard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Packages an agent may install, per ecosystem ("npm", "pip", "maven"). An entry ending in {@code *} matches
 * by prefix ({@code @types/*}, {@code org.junit.jupiter:*}). Names compare case-insensitively; pip names
 * also with {@code _} and {@code -} treated alike.
 */
public record PackageAllowlist(Map<String, Set<String>> entries) {

    public static final PackageAllowlist DEFAULTS = new PackageAllowlist(Map.of(
            "npm", Set.of("jest", "vitest", "@playwright/test", "eslint", "@eslint/js", "prettier", "typescript",
                    "@types/*", "ts-node", "@testing-library/*"),
            "pip", Set.of("pytest", "pytest-cov", "ruff", "mypy", "black", "httpx", "coverage", "pip", "setuptools",
                    "wheel"),
            "maven", Set.of("org.junit.jupiter:*", "org.junit.platform:*", "org.assertj:assertj-core",
                    "org.jacoco:*")));

    public PackageAllowlist {
        entries = Map.copyOf(entries);
    }

    public PackageAllowlist plus(String ecosystem, List<String> names) {
        java.util.HashMap<String, Set<String>> m = new java.util.HashMap<>(entries);
        java.util.HashSet<String> s = new java.util.HashSet<>(m.getOrDefault(ecosystem, Set.of()));
        s.addAll(names);
        m.put(ecosystem, s);
        return new PackageAllowlist(m);
    }

    public boolean allows(String ecosystem, String name) {
        String n = normal(ecosystem, name);
        for (String e : entries.getOrDefault(ecosystem, Set.of())) {
            String p = normal(ecosystem, e);
            if (p.endsWith("*") ? n.startsWith(p.substring(0, p.length() - 1)) : n.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String ecosystem, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ecosystem.equals("pip") ? n.replace('_', '-') : n;
    }
}
