package dev.voxloop.app;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogManager;

/** Log set-up before the first logger exists: slf4j-simple to stderr, noisy libraries turned down. */
final class Logging {

    private Logging() {
    }

    static void configure() {
        String level = firstNonBlank(System.getenv("VOXLOOP_LOG_LEVEL"), System.getenv("LOG_LEVEL"), "info")
                .toLowerCase(Locale.ROOT);
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", level);
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        for (String noisy : new String[] {"org.eclipse.jetty", "io.javalin", "org.flywaydb", "com.zaxxer", "org.jdbi",
            "ai.djl", "org.eclipse.jgit"}) {
            setDefault("org.slf4j.simpleLogger.log." + noisy, "warn");
        }
        // the embedding model's library probes for a GPU as it loads and warns when the CUDA driver is older than
        // its runtime; the models run on the CPU, so that says nothing a user can act on
        setDefault("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        // Sphinx4 and others log through java.util.logging: keep them to warnings.
        LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
