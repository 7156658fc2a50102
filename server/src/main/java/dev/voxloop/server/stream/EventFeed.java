package dev.voxloop.server.stream;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.json.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The typed event stream behind {@code /api/events} (SSE) and {@code /api/events/ws}: optionally replays stored
 * events after a sequence number (marked {@code "replay": true}), then follows live events, without duplicates
 * or gaps (events published concurrently may arrive slightly out of seq order; each is sent once). Memory is bounded per client: a client more than {@value #OUTBOX} events behind is dropped and resumes
 * by reconnecting with the last seq it saw.
 */
public final class EventFeed implements AutoCloseable {

    static final int OUTBOX = 1024;
    static final int PAGE = 200;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** Where the events go: one implementation per transport. */
    interface Sink {
        void event(long seq, String json) throws Exception;

        void heartbeat() throws Exception;
    }

    private final EventBus events;
    private final EventJson json;
    private final StreamSlots slots;
    private final Duration heartbeat;
    private final Map<Outbox<StoredEvent>, StreamSlots.Slot> clients = new ConcurrentHashMap<>();

    public EventFeed(EventBus events, WireJson json, StreamSlots slots, Duration heartbeat) {
        this.events = events;
        this.json = new EventJson(json);
        this.slots = slots;
        this.heartbeat = heartbeat;
    }

    public int clients() {
        return clients.size();
    }

    /** Parses {@code ?after=} or {@code Last-Event-ID}; -1 means "live only". */
    static long resumeFrom(String after, String lastEventId) {
        String raw = after != null && !after.isBlank() ? after : lastEventId;
        if (raw == null || raw.isBlank()) {
            return -1;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Problem.invalid("after", "after must be a non-negative event sequence number");
        }
    }

    /**
     * Reserves a client slot for a client at {@code address}; throws 503 when the server or that address is full.
     * Call {@link #run} next (it releases the slot), or {@link #release} if the client never gets that far.
     */
    Outbox<StoredEvent> open(String address) {
        StreamSlots.Slot slot = slots.take(address).orElseThrow(() -> Problem.unavailable(
                "Too many event stream clients; try again later"));
        Outbox<StoredEvent> box = new Outbox<>(OUTBOX);
        clients.put(box, slot);
        return box;
    }

    /** Closes {@code box} and frees its slot (once; later calls do nothing). */
    void release(Outbox<StoredEvent> box) {
        box.close();
        StreamSlots.Slot slot = clients.remove(box);
        if (slot != null) {
            slot.release();
        }
    }

    /** Streams until the client goes away, falls too far behind, or the server stops. */
    void run(Outbox<StoredEvent> box, long after, Sink sink) throws Exception {
        Runnable unsubscribe = events.subscribe(box::offer);
        // Anything still in the outbox was published after subscribing, so it is within the last OUTBOX events
        // sent; remembering twice that many is enough to never send one twice.
        SentSeqs sent = new SentSeqs(2 * OUTBOX);
        try {
            long last = after;
            if (after >= 0) {
                while (!box.closed()) {
                    List<StoredEvent> page = events.log().after(last, PAGE);
                    for (StoredEvent e : page) {
                        sent.add(e.seq());
                        sink.event(e.seq(), json.write(e, true));
                        last = e.seq();
                    }
                    if (page.size() < PAGE) {
                        break;
                    }
                }
            }
            while (!box.closed()) {
                StoredEvent e = box.next(heartbeat);
                if (e == null) {
                    if (!box.closed()) {
                        sink.heartbeat();
                    }
                } else if ((after < 0 || e.seq() > after) && sent.add(e.seq())) {
                    sink.event(e.seq(), json.write(e, false));
                }
            }
        } finally {
            unsubscribe.run();
            release(box);
        }
    }

    @Override
    public void close() {
        clients.keySet().forEach(this::release);
    }
}
