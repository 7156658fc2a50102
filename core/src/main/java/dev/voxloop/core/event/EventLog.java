package dev.voxloop.core.event;

import java.util.List;

/** Port: the append-only event table. */
public interface EventLog {

    StoredEvent append(PipelineEvent event);

    /** Events with seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
    List<StoredEvent> after(long afterSeq, int limit);

    /** Events about one subject (session id or ticket key), oldest first. */
    List<StoredEvent> about(String subject, int limit);

    long lastSeq();
}
