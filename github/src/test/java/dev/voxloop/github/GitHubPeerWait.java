package dev.voxloop.github;

/** The pause between two polls of a peer's checks in tests. */
final class GitHubPeerWait {

    private GitHubPeerWait() {
    }

    static void pause() {
        sleep(java.time.Duration.ofMillis(50));
    }

    static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
