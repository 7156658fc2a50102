package dev.voxloop.peers.github;

import java.time.Instant;

/** A pull request as the peer holds it; the head commit of an open one is read from the branch. */
final class PeerPull {

    final String repo;
    final int number;
    final long id;
    final String head;
    final String base;
    final String author;
    final Instant createdAt;
    String title;
    String body;
    boolean open = true;
    boolean merged;
    String mergeCommit;
    String lastHead;
    String mergedBy;
    Instant updatedAt;
    Instant closedAt;

    PeerPull(String repo, int number, long id, String title, String body, String head, String base, String author,
             String headSha) {
        this.repo = repo;
        this.number = number;
        this.id = id;
        this.title = title;
        this.body = body;
        this.head = head;
        this.base = base;
        this.author = author;
        this.lastHead = headSha;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }
}
