package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import java.nio.file.Path;
import java.util.List;

/**
 * The loaded configuration for one run of a command.
 *
 * @param tree     merged voxloop.yaml + .env + environment
 * @param dataDir  where the database, models and workspaces live
 * @param file     the configuration file read, or null
 * @param warnings unknown keys and similar, already shown to the person
 */
public record AppConfig(ConfigTree tree, Path dataDir, Path file, List<String> warnings) {
}
