package dev.voxloop.app.forge;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Forges;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child JVM for {@link MergeCrashTest}, on the real store, tracker, forge and CI. {@code first}: the demo, whose
 * tracker stops at the ticket's move to Done (after the merge) and says so, to be killed there. {@code second}:
 * another worker resumes the persisted run.
 */
public final class MergeCrashChild {

    static final String AT_DONE = "merged; moving the ticket to Done";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path demoDir = Path.of(args[1]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(StoreSettings.embedded(data));
             Forges forges = new Forges(ForgeSettings.from(ConfigTree.empty(), data), db, () -> "http://forge.test",
                     () -> LoopSettings.from(ConfigTree.empty(), data),
                     AgentSandbox.from(ConfigTree.empty(), data, e -> { }, clock), clock)) {
            TicketTracker builtin = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()),
                    "http://forge.test", clock);
            boolean first = args[2].equals("first");
            TicketTracker tracker = first ? new StopsAtDone(builtin) : builtin;
            EventBus events = new EventBus(new JdbiEventLog(db, 10_000));
            DemoRun demo = new DemoRun(tracker, new JdbiLoopQueue(db, clock), events,
                    new JdbiLoopRunRepository(db.jdbi()), clock, Map.of(), ModelConnector.NONE,
                    AgentSandbox.from(ConfigTree.empty(), data, events::publish, clock), origin -> forges.host(origin, "trackit"));
            if (first) {
                demo.run(demoDir, "TRACK", System.err);
                System.out.println("the demo ended without stopping at Done");
                System.exit(3);
            }
            LoopRun run = demo.runner(demoDir, "TRACK", forges.target("trackit").cloneSource(),
                    AgentProfile.named("replay"), forges.target("trackit")).run("TRACK-1", "worker-2", () -> true);
            System.out.println("resumed run ended " + run.state());
        }
    }

    /** The built-in tracker, except that moving a ticket to Done announces itself and never returns. */
    private record StopsAtDone(TicketTracker inner) implements TicketTracker {
        public String name() {
            return inner.name();
        }

        public List<Project> projects() {
            return inner.projects();
        }

        public Ticket create(TicketDraft draft, Provenance provenance) {
            return inner.create(draft, provenance);
        }

        public Optional<Ticket> find(String key) {
            return inner.find(key);
        }

        public List<Ticket> list(String projectKey, int limit) {
            return inner.list(projectKey, limit);
        }

        public void comment(String key, String body) {
            inner.comment(key, body);
        }

        public void transition(String key, TicketStatus status) {
            if (status == TicketStatus.DONE) {
                System.out.println(AT_DONE);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inner.transition(key, status);
        }

        public String browseUrl(String key) {
            return inner.browseUrl(key);
        }
    }
}
