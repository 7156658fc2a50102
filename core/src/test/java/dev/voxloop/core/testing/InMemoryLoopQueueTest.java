package dev.voxloop.core.testing;

import dev.voxloop.core.queue.LoopQueue;

class InMemoryLoopQueueTest extends LoopQueueContract {

    @Override
    protected LoopQueue newQueue(ManualClock clock) {
        return new InMemoryLoopQueue(clock);
    }
}
