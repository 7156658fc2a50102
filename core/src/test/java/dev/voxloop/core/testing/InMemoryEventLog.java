package dev.voxloop.core.testing;

import dev.voxloop.core.event.EventLog;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.StoredEvent;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: the append-only event table as a list; seq starts at 1. */
public final class InMemoryEventLog implements EventLog {

    private final List<StoredEvent> events = new ArrayList<>();

    @Override
    public synchronized StoredEvent append(PipelineEvent event) {
        StoredEvent stored = new StoredEvent(events.size() + 1L, event);
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized List<StoredEvent> after(long afterSeq, int limit) {
        int from = (int) Math.max(0, Math.min(afterSeq, events.size()));
        return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
    }

    @Override
    public synchronized List<StoredEvent> about(String subject, int limit) {
        return events.stream().filter(e -> subject.equals(e.event().subject())).limit(limit).toList();
    }

    @Override
    public synchronized long lastSeq() {
        return events.size();
    }

    public synchronized List<PipelineEvent> all() {
        return new ArrayList<>(events.stream().map(StoredEvent::event).toList());
    }
}
