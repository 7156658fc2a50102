package dev.voxloop.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TrackItTracker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OverheadBenchTest {

    @Test
    @Tag("slow")
    void printsOverheadFigures() {
        String report = new OverheadBench(new MemoryLoopRuns(), TrackItTracker.create(), new EventBus(new InMemoryEventLog()),
                TestSandbox.direct())
                .run("TRACK", Integer.getInteger("turns", 20));
        System.out.println(report);
        assertThat(report).contains("run ended PUSHED");
    }
}
