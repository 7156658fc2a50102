package dev.voxloop.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the composition root opened, closed in reverse order when it closes; safe to add to from any thread. */
final class CloseList {

    private static final Logger LOG = LoggerFactory.getLogger(CloseList.class);

    private final List<AutoCloseable> opened = new ArrayList<>();

    synchronized void add(AutoCloseable closeable) {
        opened.add(closeable);
    }

    /** Closes everything added so far, last first; a failure is logged and the rest still close. */
    void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("close failed: {}", e.toString());
            }
        }
    }
}
