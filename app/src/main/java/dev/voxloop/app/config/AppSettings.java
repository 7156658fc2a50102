package dev.voxloop.app.config;

import dev.voxloop.core.config.Key;

/** Settings the composition root reads itself, each key declared once on its component. */
public record AppSettings(
        @Key(path = "public_url", env = "VOXLOOP_PUBLIC_URL",
                doc = "Base URL people use to reach this server, for ticket links (unset: http://HOST:PORT)")
        String publicUrl,
        @Key(path = "log.level", fallback = "info", env = {"LOG_LEVEL", "VOXLOOP_LOG_LEVEL"},
                doc = "Log level: error, warn, info or debug; read from the environment only, before the file")
        String logLevel,
        @Key(path = "queue.db_path", env = "QUEUE_DB_PATH",
                doc = "Accepted and ignored: the queue lives in the database (the original system's SQLite file)")
        String queueDbPath) {
}
