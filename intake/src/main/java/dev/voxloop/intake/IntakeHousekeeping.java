package dev.voxloop.intake;

import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's background work, run by the server's housekeeping thread: expire questions and previews nobody
 * answered in time, and after a restart finish what a crash interrupted.
 */
final class IntakeHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeHousekeeping.class);
    private static final int BATCH = 500;
    private static final String LOST_AUDIO = "The server restarted before your audio was transcribed; please say it"
            + " again";

    private final IntakeRepository sessions;
    private final IntakeSteps steps;
    private final SessionLocks locks;

    IntakeHousekeeping(IntakeRepository sessions, IntakeSteps steps, SessionLocks locks) {
        this.sessions = sessions;
        this.steps = steps;
        this.locks = locks;
    }

    /** Expires questions and previews nobody answered in time. Returns how many. */
    int expireDue() {
        int n = 0;
        for (IntakeSession candidate : sessions.expiredBefore(steps.now(), BATCH)) {
            n += locks.with(candidate.id(), () -> {
                // re-read under the lock: the person may have answered since the query
                IntakeSession s = sessions.find(candidate.id()).orElse(null);
                if (s == null || !steps.isOverdue(s)) {
                    return 0;
                }
                steps.expire(s);
                return 1;
            });
        }
        return n;
    }

    /**
     * After a restart: finishes creations that were under way (idempotent, so never a duplicate), re-runs
     * extractions from the stored text, and fails audio intakes whose audio was not yet transcribed (audio is not
     * stored, so it cannot be transcribed again). Returns how many sessions it resumed.
     */
    int resumeInterrupted() {
        int n = 0;
        for (IntakeSession candidate : sessions.interrupted(BATCH)) {
            try {
                // re-read under the lock: a request of this process may have been working on it and finished
                if (locks.with(candidate.id(), () -> resume(steps.load(candidate.id())))) {
                    n++;
                }
            } catch (RuntimeException e) {
                // one session that cannot be resumed (expired meanwhile, tracker down) must not stop the others;
                // it stays interrupted and is tried again at the next start
                LOG.warn("could not resume intake {}: {}", candidate.id(), e.getMessage());
            }
        }
        return n;
    }

    /** Finishes or fails {@code s} if it is still mid-step; false when there was nothing to do. */
    private boolean resume(IntakeSession s) {
        switch (s.state()) {
            case CREATING -> steps.file(s);
            case EXTRACTING -> steps.extract(s);
            case RECEIVED -> {
                if (s.text() != null) {
                    steps.extract(s);
                } else {
                    steps.fail(s, LOST_AUDIO);
                }
            }
            case TRANSCRIBING -> steps.fail(s, LOST_AUDIO);
            default -> {
                // waiting for the person or finished: nothing to resume
                return false;
            }
        }
        return true;
    }
}
