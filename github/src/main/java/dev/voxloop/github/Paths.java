package dev.voxloop.github;

import dev.voxloop.core.problem.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** API paths of one repository, each variable part percent-encoded (a branch's {@code /} too). */
final class Paths {

    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private Paths() {
    }

    /** {@code /repos/owner/name}, refusing anything that is not {@code owner/name}. */
    static String repo(String fullName) {
        if (fullName == null || !FULL_NAME.matcher(fullName).matches()) {
            throw Problem.invalid("repository", "a GitHub repository is named owner/name, not '" + fullName + "'");
        }
        return "/repos/" + fullName;
    }

    static String owner(String fullName) {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
