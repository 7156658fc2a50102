package dev.voxloop.store.event;

import dev.voxloop.core.event.PipelineEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Wire name ({@link PipelineEvent#type()}) to record class, from the sealed interface's permitted subclasses. */
final class EventTypes {

    private final Map<String, Class<? extends PipelineEvent>> byName = new LinkedHashMap<>();

    EventTypes() {
        for (Class<?> c : PipelineEvent.class.getPermittedSubclasses()) {
            byName.put(PipelineEvent.wireName(c), c.asSubclass(PipelineEvent.class));
        }
    }

    Optional<Class<? extends PipelineEvent>> of(String wireName) {
        return Optional.ofNullable(byName.get(wireName));
    }

    Map<String, Class<? extends PipelineEvent>> all() {
        return Map.copyOf(byName);
    }
}
