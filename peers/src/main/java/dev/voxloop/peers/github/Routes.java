package dev.voxloop.peers.github;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations the peer serves, by method and GitHub's path template ({@code /repos/{owner}/{repo}/pulls}). */
final class Routes {

    @FunctionalInterface
    interface Handler {
        Answer handle(Call call);
    }

    record Route(String method, String template, Handler handler) {
    }

    record Match(Route route, String template, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, handler));
    }

    /** Path template → lower-case methods, for cutting GitHub's description to what is served. */
    Map<String, List<String>> operations() {
        Map<String, List<String>> ops = new LinkedHashMap<>();
        for (Route r : routes) {
            ops.computeIfAbsent(r.template(), k -> new ArrayList<>()).add(r.method().toLowerCase(Locale.ROOT));
        }
        return ops;
    }

    /** The route for a raw (still percent-encoded) path; a literal segment beats a parameter. */
    Match match(String method, String rawPath) {
        String[] parts = rawPath.split("/", -1);
        Match best = null;
        int bestLiterals = -1;
        for (Route r : routes) {
            if (!r.method().equals(method)) {
                continue;
            }
            String[] t = r.template().split("/", -1);
            if (t.length != parts.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                if (t[i].startsWith("{")) {
                    params.put(t[i].substring(1, t[i].length() - 1), GitHubPeer.decode(parts[i]));
                } else if (t[i].equals(parts[i])) {
                    literals++;
                } else {
                    ok = false;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(r, r.template(), params);
                bestLiterals = literals;
            }
        }
        return best;
    }
}
