package dev.voxloop.app;

import dev.voxloop.app.Voxloop.Check;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.guard.sandbox.Sandboxes;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentDoctor;
import dev.voxloop.store.Database;
import dev.voxloop.tracker.jira.JiraCheck;
import dev.voxloop.tracker.jira.JiraTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The checks of {@code voxloop doctor}: can each wired part do its job right now. A new part adds one check. */
final class Doctor {

    private Doctor() {
    }

    static List<Check> checks(Database database, TicketTracker tracker, SpeechToText speech,
                              IntentExtractor extractor, LoopSettings loop, Supplier<RunSandbox> sandbox) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("database", database.ping(), true, database.describe()));
        try {
            int projects = tracker.projects().size();
            checks.add(new Check("tracker", projects > 0, true, tracker.name() + ", " + projects + " projects"));
        } catch (RuntimeException e) {
            checks.add(new Check("tracker", false, true, tracker.name() + ": " + e.getMessage()));
        }
        if (tracker instanceof JiraTracker jira) {
            JiraCheck who = jira.check();
            checks.add(new Check("jira", who.ok(), true, who.detail()));
        }
        checks.add(speech == null ? new Check("speech", false, false, "off (speech.engine: none)")
                : new Check("speech", speech.status().healthy(), false, speech.description() + "; "
                        + speech.status().detail()));
        checks.add(new Check("intent", true, true, extractor.name()));
        checks.addAll(ProjectChecks.of(loop));
        // each configured project's agent, checked inside the sandbox: CLI and version, key, a real hook round trip
        // (warnings only)
        AgentDoctor agents = new AgentDoctor(System.getenv(), Guards.agentHooks(loop, sandbox.get()), sandbox.get());
        loop.projects().forEach((key, project) -> agents.check(key, project.agent(), loop.claudeCommand())
                .forEach(f -> checks.add(new Check(f.name(), f.ok(), false, f.detail()))));
        checks.add(sandbox(sandbox));
        return checks;
    }

    /** The sandbox works (a command really runs in it), or says loudly that agents run unconfined. */
    private static Check sandbox(Supplier<RunSandbox> sandbox) {
        try {
            RunSandbox s = sandbox.get();
            if (!s.sandbox().isolates()) {
                return new Check("sandbox", false, false, "NONE: agent turns and CI checks run on the host with"
                        + " the worker's rights, files and network (sandbox.backend: none)");
            }
            return Sandboxes.probe(s.sandbox()).map(why -> new Check("sandbox", false, true, why))
                    .orElseGet(() -> new Check("sandbox", true, true, s.describe()));
        } catch (RuntimeException e) {
            return new Check("sandbox", false, true, e.getMessage());
        }
    }
}
