package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A pull request's files as GitHub's {@code diff-entry} list, from {@code git diff base...head}. */
final class PeerDiff {

    private final HostedGit git;

    PeerDiff(HostedGit git) {
        this.git = git;
    }

    Answer files(PeerPull p, String head) {
        ArrayNode out = GitHubPeer.JSON.createArrayNode();
        String names = git.diff(p.repo, p.base, head, "-M", "--name-status");
        String numbers = git.diff(p.repo, p.base, head, "-M", "--numstat");
        String[] stats = numbers.lines().toArray(String[]::new);
        String[] lines = names.lines().toArray(String[]::new);
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            String[] n = stats[i].split("\t");
            String path = f[f.length - 1];
            String status = switch (f[0].charAt(0)) {
                case 'A' -> "added";
                case 'D' -> "removed";
                case 'R' -> "renamed";
                case 'C' -> "copied";
                default -> "modified";
            };
            int additions = n[0].equals("-") ? 0 : Integer.parseInt(n[0]);
            int deletions = n[1].equals("-") ? 0 : Integer.parseInt(n[1]);
            ObjectNode e = out.addObject().put("filename", path).put("status", status).put("additions", additions)
                    .put("deletions", deletions).put("changes", additions + deletions);
            if (f.length == 3) {
                e.put("previous_filename", f[1]);
            }
            String patch = git.diff(p.repo, p.base, head, "-M", "--", path);
            int hunk = patch.indexOf("@@");
            if (hunk >= 0) {
                e.put("patch", patch.substring(hunk).stripTrailing());
            }
        }
        return Answer.ok(out);
    }
}
