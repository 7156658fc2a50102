package dev.voxloop.app;

import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.queue.Backlog;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registry behind {@code /metrics} and the meters only the composition root can see: the JVM's (memory, threads,
 * GC, classes, CPU, file descriptors, uptime), the database pool's, the loop queue's backlog and the engines'
 * readiness. The server adds its own (HTTP requests, stream clients, the pipeline's events) to the same registry.
 */
final class Meters {

    /** The backlog is read from the database at most this often, however many scrapes come. */
    static final Duration BACKLOG_FRESH = Duration.ofSeconds(1);

    private Meters() {
    }

    static PrometheusMeterRegistry create(Database database, LoopQueue queue, SpeechToText speech,
                                          IntentExtractor extractor, Clock clock, List<AutoCloseable> closeables) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        synchronized (closeables) {
            closeables.add(gc);
            closeables.add(registry::close);
        }
        database.meterPool(registry);
        backlog(registry, queue, clock);
        if (speech != null) {
            ready(registry, "speech", () -> speech.status().state() == EngineStatus.State.READY);
        }
        ready(registry, "intent", extractor::ready);
        return registry;
    }

    private static void backlog(MeterRegistry registry, LoopQueue queue, Clock clock) {
        Supplier<Backlog> backlog = new Supplier<>() {
            private Backlog last;
            private Instant readAt = Instant.MIN;

            @Override
            public synchronized Backlog get() {
                Instant now = clock.instant();
                if (last == null || now.isAfter(readAt.plus(BACKLOG_FRESH))) {
                    last = queue.backlog();
                    readAt = now;
                }
                return last;
            }
        };
        Gauge.builder("voxloop.queue.pending", () -> backlog.get().pending())
                .description("Tickets waiting in the loop queue for a worker").register(registry);
        Gauge.builder("voxloop.queue.oldest.age", () -> {
            Instant oldest = backlog.get().oldestQueuedAt();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).baseUnit("seconds").description("How long the oldest waiting ticket has waited (0 when none waits)")
                .register(registry);
    }

    private static void ready(MeterRegistry registry, String engine, Supplier<Boolean> ready) {
        Gauge.builder("voxloop.engine.ready", () -> ready.get() ? 1 : 0)
                .description("1 when the engine takes requests at full strength, 0 while loading, degraded or failed")
                .tag("engine", engine).register(registry);
    }
}
