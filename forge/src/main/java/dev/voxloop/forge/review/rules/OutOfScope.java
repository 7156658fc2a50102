package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.forge.review.diff.DiffFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Files the ticket has nothing to do with: deployment and CI configuration or repository tooling in a ticket that
 * does not mention them, and production source files whose names share no word with the ticket, in a package
 * where no file the ticket does name is changed (tests that come with a change are taken as part of it). Needs a ticket; says nothing when no changed source file relates to it (then
 * the names alone cannot tell).
 */
public record OutOfScope() implements Rule {

    private static final Pattern INFRA_WORDS = Pattern.compile("deploy|docker|container|\\bci\\b|pipeline|workflow"
            + "|kubernetes|k8s|helm|terraform|infrastructure|hosting|release|github action|build|makefile|nginx");
    private static final Pattern TOOLING_WORDS = Pattern.compile("lint|format|style|licen|editor|gitignore|ignore"
            + "|codeowners|owner|pre-commit|renovate|\\bci\\b|node version|tooling");
    private static final Set<String> GENERIC = Set.of("src", "main", "java", "kotlin", "test", "tests", "com", "org",
            "net", "lib", "app", "index", "util", "utils", "common", "core", "internal", "pkg", "cmd", "resources",
            "static", "public", "spec", "init", "model", "models", "service", "services", "controller",
            "controllers", "impl", "base", "helpers", "types", "mod", "package", "module", "default", "config",
            "data", "file", "files", "handler", "handlers", "view", "views", "page", "pages", "component",
            "components", "server", "client", "test_", "tests_", "conftest", "the", "and", "for", "api", "web");
    private static final Set<String> STOP = Set.of("that", "this", "with", "when", "from", "have", "should", "must",
            "will", "they", "their", "there", "into", "each", "only", "also", "then", "than", "shows", "show",
            "user", "users", "able", "page", "story", "given", "after", "before", "which", "where", "what",
            "does", "them", "been", "were", "more", "less", "make", "made", "used", "uses", "using", "line",
            "lines", "value", "values", "file", "files", "list", "data", "new", "add", "adds", "added");

    @Override
    public Category category() {
        return Category.OUT_OF_SCOPE;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        String ticket = change.ticketText();
        if (ticket.isBlank()) {
            return List.of();
        }
        Set<String> words = words(ticket);
        List<DiffFile> sources = change.files().stream().filter(f -> FileRoles.source(f.path())).toList();
        Set<String> relatedDirs = sources.stream().filter(f -> related(f.path(), words))
                .map(f -> packageOf(f.path())).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (DiffFile f : change.files()) {
            String path = f.path();
            if (FileRoles.infrastructure(path) && !INFRA_WORDS.matcher(ticket).find()) {
                out.add(unrelated(path, "deployment or CI configuration the ticket does not ask for"));
            } else if (FileRoles.tooling(path) && !TOOLING_WORDS.matcher(ticket).find()) {
                out.add(unrelated(path, "repository tooling the ticket does not ask for"));
            } else if (FileRoles.production(path) && !relatedDirs.isEmpty() && !related(path, words)
                    && !relatedDirs.contains(packageOf(path))) {
                out.add(unrelated(path, "a file whose name and package share nothing with the ticket"));
            }
        }
        return out;
    }

    private Finding unrelated(String path, String why) {
        return finding(Severity.MAJOR, path, null, path + " is changed: " + why,
                "leave it out of this pull request; if it is needed, it is a ticket of its own");
    }

    /** A path's directory with the main/test split taken out, so a test sits in its subject's package. */
    static String packageOf(String path) {
        return FileRoles.dirs(path).stream().map(d -> d.toLowerCase(Locale.ROOT))
                .filter(d -> !Set.of("main", "test", "tests", "__tests__", "spec", "src").contains(d))
                .collect(Collectors.joining("/"));
    }

    static boolean related(String path, Set<String> ticketWords) {
        for (String token : tokens(path)) {
            if (token.length() < 3 || GENERIC.contains(token)) {
                continue;
            }
            if (ticketWords.contains(stem(token))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tokens(String path) {
        String spaced = path.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        return List.of(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }

    private static Set<String> words(String text) {
        return tokens(text).stream().filter(w -> w.length() >= 3 && !STOP.contains(w))
                .map(OutOfScope::stem).collect(Collectors.toSet());
    }

    /** Words agree on their first five letters: invoice, invoices, invoicing. */
    private static String stem(String word) {
        return word.length() <= 5 ? word.replaceAll("s$", "") : word.substring(0, 5);
    }
}
