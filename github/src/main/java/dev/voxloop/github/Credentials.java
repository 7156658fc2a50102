package dev.voxloop.github;

/**
 * Where the token for GitHub's API and git remote comes from: a personal access token (fine-grained or classic) or
 * a GitHub App's installation token, minted and refreshed before it expires. Implementations never show the token
 * in {@code toString}.
 */
public sealed interface Credentials permits Credentials.Token, AppInstallation {

    /** A token valid for at least the next minute. */
    String token();

    /** A token given in the configuration ({@code GITHUB_TOKEN}). */
    record Token(String value) implements Credentials {

        public Token {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("github.token is empty");
            }
        }

        @Override
        public String token() {
            return value;
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }
}
