package dev.voxloop.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.AudioIntake;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.testing.TestAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmEngineTest {

    private static final SpeechAudio AUDIO = new SpeechAudio(TestAudio.sine(300, 16000, 1, 0.3), 1.0);

    @Test
    void loadsRecognisersOnceNotPerRequest() {
        AtomicInteger loads = new AtomicInteger();
        try (WarmEngine e = engine(() -> {
            loads.incrementAndGet();
            return audio -> Heard.text("hello");
        }, 2, 4, Duration.ofSeconds(5))) {
            for (int i = 0; i < 5; i++) {
                Transcript t = e.transcribe(AUDIO);
                assertThat(t.text()).isEqualTo("hello");
                assertThat(t.engine()).isEqualTo("test");
                assertThat(t.audioSeconds()).isEqualTo(1.0);
            }
            assertThat(loads.get()).isEqualTo(2);
        }
    }

    @Test
    void requestBeforeTheModelIsLoadedWaitsForIt() {
        CountDownLatch release = new CountDownLatch(1);
        try (WarmEngine e = engine(() -> {
            release.await();
            return audio -> Heard.text("late but fine");
        }, 1, 1, Duration.ofSeconds(5))) {
            assertThat(e.ready()).isFalse();
            new Thread(() -> {
                sleep(200);
                release.countDown();
            }).start();
            assertThat(e.transcribe(AUDIO).text()).isEqualTo("late but fine");
            assertThat(e.ready()).isTrue();
        }
    }

    @Test
    void failedLoadIsUnavailable() {
        try (WarmEngine e = engine(() -> {
            throw new IllegalStateException("no model here");
        }, 1, 1, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> e.transcribe(AUDIO)).isInstanceOf(Problem.class)
                    .hasMessageContaining("no model here")
                    .extracting(x -> ((Problem) x).kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
            assertThat(e.ready()).isFalse();
        }
    }

    @Test
    void slowTranscriptionTimesOutAndTheRecogniserIsReset() {
        AtomicInteger abandoned = new AtomicInteger();
        try (WarmEngine e = engine(() -> new Recognizer() {
            @Override
            public Heard recognize(SpeechAudio audio) throws Exception {
                Thread.sleep(10_000);
                return Heard.text("too late");
            }

            @Override
            public void abandon() {
                abandoned.incrementAndGet();
            }
        }, 1, 1, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> e.transcribe(AUDIO)).isInstanceOf(Problem.class)
                    .extracting(x -> ((Problem) x).kind()).isEqualTo(Problem.Kind.TIMEOUT);
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3);
            assertThat(abandoned.get()).isEqualTo(1);
        }
    }

    @Test
    void boundedQueueTurnsAwayTheOverflowWith429() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        try (WarmEngine e = engine(() -> audio -> {
            busy.await(5, TimeUnit.SECONDS);
            return Heard.text("done");
        }, 1, 1, Duration.ofSeconds(10))) {
            e.awaitReady(Duration.ofSeconds(5));
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(callers.submit(() -> {
                    try {
                        return e.transcribe(AUDIO).text();
                    } catch (Problem p) {
                        return p.kind().name();
                    }
                }));
                sleep(100);
            }
            busy.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
            callers.shutdown();
            // one running, one queued, the rest refused
            assertThat(outcomes).filteredOn("done"::equals).hasSize(2);
            assertThat(outcomes).filteredOn("TOO_MANY_REQUESTS"::equals).hasSize(2);
        }
    }

    @Test
    void problemsFromTheRecogniserReachTheCallerUnchanged() {
        try (WarmEngine e = engine(() -> audio -> {
            throw new Problem(Problem.Kind.UPSTREAM, "peer said no");
        }, 1, 1, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> e.transcribe(AUDIO)).isInstanceOf(Problem.class).hasMessage("peer said no");
        }
    }

    @Test
    void aRecogniserThatBreaksFailsOnlyItsRequestAndIsRebuilt() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch rebuild = new CountDownLatch(1);
        try (WarmEngine e = engine(() -> {
            int n = loads.incrementAndGet();
            if (n > 1) {
                rebuild.await(5, TimeUnit.SECONDS);
            }
            // like Sphinx4 after a tone: the first recogniser's state is broken for good
            return audio -> {
                if (n == 1) {
                    throw new NullPointerException("Cannot read the array length because \"this.sum\" is null");
                }
                return Heard.text("recogniser " + n);
            };
        }, 1, 2, Duration.ofSeconds(5))) {
            assertThat(e.awaitReady(Duration.ofSeconds(5))).isTrue();
            assertThat(e.status().state()).isEqualTo(EngineStatus.State.READY);
            assertThatThrownBy(() -> e.transcribe(AUDIO)).isInstanceOf(Problem.class)
                    .hasMessageNotContaining("this.sum")
                    .extracting(x -> ((Problem) x).kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
            assertThat(e.status().state()).isEqualTo(EngineStatus.State.DEGRADED);
            assertThat(e.status().detail()).contains("rebuilding");
            rebuild.countDown();
            assertThat(e.transcribe(AUDIO).text()).isEqualTo("recogniser 2");
            assertThat(e.transcribe(AUDIO).text()).isEqualTo("recogniser 2");
            assertThat(e.status().state()).isEqualTo(EngineStatus.State.READY);
            assertThat(loads.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailedLoadIsReportedAsFailed() {
        try (WarmEngine e = engine(() -> {
            throw new IllegalStateException("no model here");
        }, 1, 1, Duration.ofSeconds(5))) {
            e.awaitReady(Duration.ofSeconds(5));
            assertThat(e.status().state()).isEqualTo(EngineStatus.State.FAILED);
            assertThat(e.status().detail()).contains("no model here");
        }
    }

    private static WarmEngine engine(RecognizerLoader loader, int workers, int queue, Duration timeout) {
        return new WarmEngine("test", loader, AudioIntake.defaults(), workers, queue, timeout, Duration.ofSeconds(5));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
