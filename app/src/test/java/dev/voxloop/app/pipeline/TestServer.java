package dev.voxloop.app.pipeline;

import dev.voxloop.app.AppConfig;
import dev.voxloop.app.Voxloop;
import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real composed application, serving on a free port, with a given configuration tree. */
final class TestServer implements AutoCloseable {

    final Voxloop app;
    final Voxloop.Running running;
    final Http http;

    TestServer(Path dataDir, Map<String, Object> config) {
        this.app = Voxloop.open(new AppConfig(new ConfigTree(config), dataDir, null, List.of()));
        this.running = app.serve("127.0.0.1", 0, 0);
        this.http = new Http(running.url());
    }

    /** Nested configuration from dotted keys: {"pipeline.require_approval": "false"}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(Map<String, Object> dotted) {
        Map<String, Object> root = new LinkedHashMap<>();
        dotted.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Map<String, Object> cur = root;
            for (int i = 0; i < parts.length - 1; i++) {
                cur = (Map<String, Object>) cur.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            cur.put(parts[parts.length - 1], value);
        });
        return root;
    }

    @Override
    public void close() {
        running.stop();
        app.close();
    }
}
