package dev.voxloop.tracker.jira;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits the client asks for and sleeps only a token millisecond, so retry tests stay fast. */
public final class RecordingPause implements Pause {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void pause(Duration d) throws InterruptedException {
        waits.add(d);
        Thread.sleep(1);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
