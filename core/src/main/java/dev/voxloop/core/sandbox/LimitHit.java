package dev.voxloop.core.sandbox;

import java.time.Duration;

/** Which limit stopped a sandboxed command, with a reason a person (or an agent) can act on. */
public sealed interface LimitHit {

    String reason();

    record WallTime(Duration limit) implements LimitHit {
        public String reason() {
            return "stopped after the wall-time limit of " + limit.toSeconds() + " s";
        }
    }

    record Memory(long limitBytes) implements LimitHit {
        public String reason() {
            return "killed at the memory limit of " + (limitBytes >> 20) + " MiB";
        }
    }

    record Processes(int limit) implements LimitHit {
        public String reason() {
            return "refused new processes at the limit of " + limit + " processes";
        }
    }

    record Output(long limitBytes) implements LimitHit {
        public String reason() {
            return "stopped after writing more than " + (limitBytes >> 10) + " KiB of output";
        }
    }
}
