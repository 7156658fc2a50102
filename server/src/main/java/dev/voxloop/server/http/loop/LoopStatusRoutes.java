package dev.voxloop.server.http.loop;

import dev.voxloop.core.loop.LoopOverview;
import dev.voxloop.server.json.WireShapes;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * {@code GET /api/loop/status}: the running workers, the projects and their agents, and the queued tickets
 * nothing can take, with the fix (the console's banner).
 */
public final class LoopStatusRoutes {

    private final Supplier<LoopOverview> overview;

    public LoopStatusRoutes(Supplier<LoopOverview> overview) {
        this.overview = overview;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/loop/status", ctx -> {
            LoopOverview o = overview.get();
            ctx.json(WireShapes.obj(
                    "workers", o.workers().stream().map(w -> WireShapes.obj("id", w.id(), "host", w.host(),
                            "pid", w.pid(), "projects", w.projects(), "ticket", w.ticket(),
                            "started_at", w.startedAt(), "seen_at", w.seenAt())).toList(),
                    "projects", o.projects().stream().map(p -> WireShapes.obj("key", p.key(),
                            "repository", p.repository(), "agent", p.agent())).toList(),
                    "waiting", o.waiting().stream().map(w -> WireShapes.obj("tickets", w.tickets(),
                            "reason", w.reason(), "fix", w.fix())).toList()));
        });
    }
}
