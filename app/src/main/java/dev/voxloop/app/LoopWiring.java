package dev.voxloop.app;

import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.workspace.RunSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The loop stage wired: workers that claim queued tickets and run them in the sandbox to a pushed branch, on
 * through the forge ({@link ForgeWiring}) and the review ({@link ReviewWiring}) to a merge. Built on first use,
 * so commands that never run the loop do not pay for it.
 */
final class LoopWiring {

    private final AppConfig config;
    private final Stores stores;
    private final TicketTracker tracker;
    private final Supplier<RunSandbox> sandbox;
    private final ForgeWiring forge;
    private final ReviewWiring review;
    private final Clock clock;
    private LoopEngine loop;

    LoopWiring(AppConfig config, Stores stores, TicketTracker tracker, Supplier<RunSandbox> sandbox,
               ForgeWiring forge, ReviewWiring review, Clock clock) {
        this.config = config;
        this.stores = stores;
        this.tracker = tracker;
        this.sandbox = sandbox;
        this.forge = forge;
        this.review = review;
        this.clock = clock;
    }

    /** The loop's settings as configured. */
    static LoopSettings settings(AppConfig config) {
        return LoopSettings.from(config.tree(), config.dataDir());
    }

    synchronized LoopEngine loop() {
        if (loop == null) {
            LoopSettings settings = settings(config);
            ProjectForges f = forge.projectForges(settings);
            LoopSettings resolved = settings;
            for (var p : settings.projects().values()) {
                resolved = resolved.withProject(p.withRepo(f.cloneSource(p)));
            }
            loop = new LoopEngine(resolved, config.dataDir(), stores.queue(), tracker, stores.events(), stores.runs(),
                    Guards.policy(settings), Guards.markers(), clock, Guards.agentHooks(settings, sandbox.get()),
                    new AgentModels(System.getenv()), sandbox.get(), f::target, review.gate(), Duration.ofSeconds(1),
                    forge.wakeups());
        }
        return loop;
    }
}
