package dev.voxloop.guard.policy;

import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PackageAllowlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Package installs: only allowlisted npm, pip and Maven packages. Installing from a lockfile or a requirements
 * file ({@code npm ci}, {@code npm install}, {@code pip install -r requirements.txt}, {@code pip install -e .}) is
 * fine; other registries, URLs and system package managers are not.
 */
final class InstallRules {

    private static final Set<String> SYSTEM = Set.of("apt", "apt-get", "yum", "dnf", "apk", "brew", "snap", "pacman",
            "zypper", "port", "choco");
    private static final Set<String> NPM_VALUE_OPTS = Set.of("--prefix", "--workspace", "-w", "--tag", "--omit",
            "--include", "--cache");

    private InstallRules() {
    }

    static Optional<Decision> check(String name, List<String> args, PackageAllowlist allow) {
        if (SYSTEM.contains(name) && args.stream().anyMatch(a -> a.equals("install") || a.equals("add"))) {
            return Optional.of(Decision.deny("package-install", name + " installs system packages, which is not"
                    + " allowed in a task workspace; ask for the tool to be added to the runner image"));
        }
        return switch (name) {
            case "npm", "pnpm", "yarn", "bun" -> npm(name, args, allow);
            case "npx", "bunx" -> fetchAndRun(args, allow);
            case "pip", "pip3" -> pip(args, allow);
            case "uv" -> args.size() > 1 && args.get(0).equals("pip") ? pip(args.subList(1, args.size()), allow)
                    : args.size() > 0 && args.get(0).equals("add") ? pip(args, allow) : Optional.empty();
            case "poetry" -> !args.isEmpty() && args.get(0).equals("add") ? pip(args, allow) : Optional.empty();
            case "mvn", "mvnw", "./mvnw" -> maven(args, allow);
            case "gem", "cargo", "go" -> !args.isEmpty() && (args.get(0).equals("install") || args.get(0).equals("get"))
                    ? other(name, args.subList(1, args.size()), allow) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** {@code python -m pip ...}: called by the policy when an interpreter runs a module. */
    static Optional<Decision> pythonModule(List<String> moduleArgs, PackageAllowlist allow) {
        return pip(moduleArgs, allow);
    }

    /** npx fetches a package only when it is not installed; explicit fetches (-y, -p) must be allowlisted. */
    private static Optional<Decision> fetchAndRun(List<String> args, PackageAllowlist allow) {
        boolean fetches = args.stream().anyMatch(a -> a.equals("-y") || a.equals("--yes") || a.equals("-p")
                || a.startsWith("--package"));
        if (!fetches) {
            return Optional.empty();
        }
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            String pkg = null;
            if ((a.equals("-p") || a.equals("--package")) && k + 1 < args.size()) {
                pkg = args.get(++k);
            } else if (a.startsWith("--package=")) {
                pkg = a.substring("--package=".length());
            } else if (!a.startsWith("-")) {
                pkg = a;
            }
            if (pkg != null) {
                String n = npmName(pkg);
                return n != null && allow.allows("npm", n) ? Optional.empty() : Optional.of(notAllowed("npm", pkg));
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> npm(String tool, List<String> args, PackageAllowlist allow) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String verb = args.get(0);
        Set<String> verbs = tool.equals("yarn") ? Set.of("add", "global") : Set.of("install", "i", "add", "isntall",
                "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal");
        if (!verbs.contains(verb)) {
            return Optional.empty();
        }
        List<String> specs = new ArrayList<>();
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k);
            if (a.startsWith("--registry")) {
                return Optional.of(Decision.deny("package-install", "installing from another registry (" + a
                        + ") is not allowed"));
            }
            if (a.startsWith("-")) {
                if (NPM_VALUE_OPTS.contains(a)) {
                    k++;
                }
                continue;
            }
            if (tool.equals("yarn") && verb.equals("global") && a.equals("add")) {
                continue;
            }
            specs.add(a);
        }
        for (String spec : specs) {
            String pkg = npmName(spec);
            if (pkg == null || !allow.allows("npm", pkg)) {
                return Optional.of(notAllowed("npm", pkg == null ? spec : pkg));
            }
        }
        return Optional.empty();
    }

    static String npmName(String spec) {
        if (spec.contains("://") || spec.startsWith("git+") || spec.startsWith("github:") || spec.startsWith("file:")
                || spec.startsWith(".") || spec.startsWith("/") || spec.endsWith(".tgz")) {
            return null;
        }
        if (spec.startsWith("npm:")) {
            spec = spec.substring(4);
        }
        if (spec.startsWith("@")) {
            int at = spec.indexOf('@', 1);
            return at > 0 ? spec.substring(0, at) : spec;
        }
        if (spec.contains("/")) {
            return null; // a GitHub shorthand user/repo
        }
        int at = spec.indexOf('@');
        return at > 0 ? spec.substring(0, at) : spec;
    }

    private static Optional<Decision> pip(List<String> args, PackageAllowlist allow) {
        if (args.isEmpty() || !(args.get(0).equals("install") || args.get(0).equals("add"))) {
            return Optional.empty();
        }
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k);
            String opt = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            switch (opt) {
                case "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host" -> {
                    return Optional.of(Decision.deny("package-install", "installing from another package index ("
                            + opt + ") is not allowed"));
                }
                case "-r", "--requirement", "-c", "--constraint", "-t", "--target", "--prefix", "--root", "--group" -> {
                    if (!a.contains("=")) {
                        k++;
                    }
                    continue;
                }
                case "-e", "--editable" -> {
                    String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : k + 1 < args.size()
                            ? args.get(++k) : "";
                    if (v.startsWith(".") || v.startsWith("/")) {
                        continue;
                    }
                    return pipSpec(v, allow);
                }
                default -> {
                }
            }
            if (a.startsWith("-")) {
                continue;
            }
            Optional<Decision> d = pipSpec(a, allow);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> pipSpec(String spec, PackageAllowlist allow) {
        if (spec.equals(".") || spec.startsWith("./") || spec.startsWith("/") || spec.startsWith("../")
                || spec.startsWith(".[")) {
            return Optional.empty();
        }
        if (spec.contains("://") || spec.startsWith("git+")) {
            return Optional.of(notAllowed("pip", spec));
        }
        String name = spec.split("[\\[=<>!~;@ ]", 2)[0];
        return allow.allows("pip", name) ? Optional.empty() : Optional.of(notAllowed("pip", name));
    }

    private static Optional<Decision> maven(List<String> args, PackageAllowlist allow) {
        boolean get = args.stream().anyMatch(a -> a.endsWith("dependency:get") || a.endsWith("install:install-file"));
        if (!get) {
            return Optional.empty();
        }
        for (String a : args) {
            if (a.startsWith("-Dartifact=")) {
                String[] p = a.substring("-Dartifact=".length()).split(":");
                String ga = p.length >= 2 ? p[0] + ":" + p[1] : p[0];
                return allow.allows("maven", ga) ? Optional.empty() : Optional.of(notAllowed("maven", ga));
            }
            if (a.startsWith("-DremoteRepositories") || a.startsWith("-DrepoUrl")) {
                return Optional.of(Decision.deny("package-install", "fetching from another repository (" + a
                        + ") is not allowed"));
            }
        }
        return Optional.of(notAllowed("maven", String.join(" ", args)));
    }

    private static Optional<Decision> other(String eco, List<String> args, PackageAllowlist allow) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                String name = a.split("@", 2)[0];
                if (!allow.allows(eco, name)) {
                    return Optional.of(notAllowed(eco, name));
                }
            }
        }
        return Optional.empty();
    }

    private static Decision notAllowed(String eco, String pkg) {
        return Decision.deny("package-install", eco + " package '" + pkg + "' is not on the allowlist; use what the"
                + " project already has, or ask for it to be added to loop.allowlist." + eco);
    }
}
