package dev.voxloop.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each event, then hands it to every subscriber. A subscriber must not block (the WebSocket layer
 * queues with a bound of its own); one that throws is logged and kept.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final EventLog log;
    private final List<Consumer<StoredEvent>> subscribers = new CopyOnWriteArrayList<>();

    public EventBus(EventLog log) {
        this.log = log;
    }

    public StoredEvent publish(PipelineEvent event) {
        StoredEvent stored = log.append(event);
        for (Consumer<StoredEvent> s : subscribers) {
            try {
                s.accept(stored);
            } catch (RuntimeException e) {
                LOG.warn("event subscriber failed on {}: {}", event.type(), e.toString());
            }
        }
        return stored;
    }

    /** Returns a handle that unsubscribes when run. */
    public Runnable subscribe(Consumer<StoredEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public EventLog log() {
        return log;
    }
}
