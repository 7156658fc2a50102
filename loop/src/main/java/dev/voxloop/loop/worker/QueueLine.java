package dev.voxloop.loop.worker;

import dev.voxloop.core.queue.QueueEntry;

/** Where a ticket stands in the queue after a pass, in words. */
final class QueueLine {

    private QueueLine() {
    }

    static String of(QueueEntry e) {
        return switch (e.status()) {
            case DONE -> "queue: done";
            case PENDING -> "queue: waiting for another attempt (" + e.attempts() + " used)";
            case RUNNING -> "queue: still running (lease held by " + e.leaseOwner() + ")";
            case FAILED -> "queue: on the failed list (" + e.attempts() + " attempt(s) counted); fix the cause, then"
                    + " retry it from the console or POST /api/loop/retry/" + e.key();
        };
    }
}
