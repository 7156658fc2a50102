package dev.voxloop.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes: where data lives and which configuration file to read. */
public final class CommonOptions {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Data directory (database, models, workspaces)."
            + " Default: $VOXLOOP_DATA or ./data")
    Path data;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "Configuration file. Default: $VOXLOOP_CONFIG or"
            + " ./voxloop.yaml when present")
    Path config;

    public Path dataDir() {
        if (data != null) {
            return data.toAbsolutePath().normalize();
        }
        String env = System.getenv("VOXLOOP_DATA");
        return Path.of(env == null || env.isBlank() ? "data" : env).toAbsolutePath().normalize();
    }

    /** The configuration file to read, or null when none is given and ./voxloop.yaml does not exist. */
    public Path configFile() {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("configuration file not found: " + config);
            }
            return config.toAbsolutePath().normalize();
        }
        String env = System.getenv("VOXLOOP_CONFIG");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("VOXLOOP_CONFIG points at a missing file: " + p);
            }
            return p.toAbsolutePath().normalize();
        }
        Path local = Path.of("voxloop.yaml");
        return Files.isRegularFile(local) ? local.toAbsolutePath().normalize() : null;
    }
}
