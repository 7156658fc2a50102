package dev.voxloop.store;

import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link H2CrashTest}: writes round {@code n} (args[1]) into the embedded database in args[0], its
 * URL extended by the H2 settings in args[2] when given, says so, then waits to be killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(H2CrashTest.settings(Path.of(args[0]), args.length > 2 ? args[2] : ""));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Instant now = Instant.now();
        var sessions = new JdbiIntakeRepository(db);
        IntakeSession s = sessions.insert(IntakeSession.received(String.format("crash%07d", n), true, "keep me", now));
        sessions.update(s.moveTo(IntakeState.EXTRACTING, now).moveTo(IntakeState.PREVIEWING, now)
                .previewing(List.of(), now.plusSeconds(900)));
        new BuiltinTracker(db, TrackerProjects.DEFAULTS, "http://x").create(new TicketDraft("Survives a crash", "",
                List.of(), null, null, "OPS", null, List.of()), new Provenance(String.format("intake%06d", n), true, "s", now));
        new JdbiLoopQueue(db).enqueue("OPS-" + n, "Survives a crash");
        System.out.println("written");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
