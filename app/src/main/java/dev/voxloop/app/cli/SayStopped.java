package dev.voxloop.app.cli;

import dev.voxloop.app.say.SayStep;

/**
 * What {@code voxloop say} tells the person when Ctrl-C or SIGTERM stopped it: where the request was left. Each step
 * of the intake is saved when it ends, so a request stopped between steps waits in its session for the next answer,
 * and one stopped under a step that outlived the stop's wait is resumed by the server's housekeeping.
 */
final class SayStopped {

    private SayStopped() {
    }

    /**
     * @param last      the last step that ended, or null when none did
     * @param stepEnded false when a step was still running as the stop went on
     */
    static String message(SayStep last, boolean stepEnded) {
        if (!stepEnded) {
            return "voxloop say: stopped in the middle of a step" + (last == null ? "" : " of session "
                    + last.sessionId()) + "; ./voxloop serve resumes the request when it starts (or says it failed)";
        }
        if (last == null) {
            return "voxloop say: stopped before the request was taken; nothing was kept";
        }
        String waiting = switch (last) {
            case SayStep.Confirm c -> "the words wait to be confirmed";
            case SayStep.Question q -> "the question waits for an answer: " + q.question();
            case SayStep.Preview p -> "the read-back waits for approval, nothing is filed yet";
            case SayStep.Filed f -> null;
            case SayStep.Discarded d -> null;
        };
        if (waiting == null) {
            return "voxloop say: stopped; " + (last instanceof SayStep.Filed f ? f.key() + " was filed already"
                    : "the request was discarded already") + " (session " + last.sessionId() + ")";
        }
        return "voxloop say: stopped; session " + last.sessionId() + " keeps the request (" + waiting + "): answer it"
                + " through /api/pipeline/* once ./voxloop serve runs, before it expires";
    }
}
