package dev.voxloop.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/** {@code voxloop_stream_clients}: connected stream clients by stream (status, events) and transport. */
public final class StreamMeters {

    private StreamMeters() {
    }

    public static void register(MeterRegistry registry, IntSupplier statusSockets, IntSupplier eventSockets,
                                IntSupplier eventSse) {
        gauge(registry, "status", "websocket", statusSockets);
        gauge(registry, "events", "websocket", eventSockets);
        gauge(registry, "events", "sse", eventSse);
    }

    private static void gauge(MeterRegistry registry, String stream, String transport, IntSupplier clients) {
        Gauge.builder("voxloop.stream.clients", clients::getAsInt)
                .description("Stream clients connected now (WebSocket and Server-Sent Events)")
                .tag("stream", stream).tag("transport", transport).register(registry);
    }
}
