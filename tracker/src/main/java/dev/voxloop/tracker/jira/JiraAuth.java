package dev.voxloop.tracker.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How requests authenticate. The token never appears in {@link #toString()} or {@link #describe()}. */
public sealed interface JiraAuth {

    /** The Authorization header value. */
    String header();

    /** Who we are, for messages (never the token). */
    String describe();

    /** Atlassian account email + API token (HTTP Basic). */
    record Basic(String email, String token) implements JiraAuth {
        @Override
        public String header() {
            String pair = (email == null ? "" : email) + ":" + (token == null ? "" : token);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "API token for " + email;
        }

        @Override
        public String toString() {
            return "Basic[email=" + email + ", token=(hidden)]";
        }
    }

    /** OAuth 2.0 (3LO) access token. */
    record Bearer(String token) implements JiraAuth {
        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "OAuth token";
        }

        @Override
        public String toString() {
            return "Bearer[token=(hidden)]";
        }
    }
}
