package dev.voxloop.github;

/** The pause between two polls of a peer's checks in tests. */
final class GitHubPeerWait {

    private GitHubPeerWait() {
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
