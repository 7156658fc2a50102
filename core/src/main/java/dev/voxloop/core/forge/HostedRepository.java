package dev.voxloop.core.forge;

import java.time.Instant;

/**
 * A repository the built-in forge hosts in the data directory.
 *
 * @param name          {@code [A-Za-z0-9._-]+}, served at {@code /git/<name>.git}
 * @param defaultBranch accepts changes only through a merge by the forge
 * @param source        where it was imported from (a path or a URL without credentials), or null
 */
public record HostedRepository(String name, String defaultBranch, String source, Instant createdAt) {

    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    public HostedRepository {
        if (name == null || !name.matches(NAME_PATTERN) || name.endsWith(".git")) {
            throw new IllegalArgumentException("a repository name is letters, digits, '.', '_' and '-' (not ending in"
                    + " .git): '" + name + "'");
        }
    }
}
