package dev.voxloop.app;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.WorkerRegistry;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.loop.JdbiWorkerRegistry;
import dev.voxloop.store.queue.JdbiLoopQueue;
import java.time.Clock;

/**
 * What every stage shares, on the configured database: the event bus over the event log, the loop queue between
 * intake and loop, the durable loop runs and the workers' registry.
 */
record Stores(Database database, EventBus events, LoopQueue queue, LoopRunRepository runs,
              WorkerRegistry workers) {

    /**
     * Opens (and migrates) the database; the caller closes it.
     *
     * @param background true to return at once and open it on a thread of its own (statements wait for it), as
     *                   {@code serve} does so that it listens meanwhile
     */
    static Stores open(AppConfig config, Clock clock, boolean background) {
        StoreSettings settings = StoreSettings.from(config.tree(), config.dataDir());
        Database database = background ? Database.start(settings) : Database.open(settings);
        return new Stores(database, new EventBus(new JdbiEventLog(database, settings.eventsKept())),
                new JdbiLoopQueue(database, clock), new JdbiLoopRunRepository(database.jdbi()),
                new JdbiWorkerRegistry(database));
    }
}
