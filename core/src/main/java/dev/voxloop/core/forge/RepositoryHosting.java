package dev.voxloop.core.forge;

import java.util.List;

/** Port: the repositories the built-in forge hosts, and bringing existing ones in. */
public interface RepositoryHosting {

    /**
     * Imports every branch and tag of {@code source} (a local path or a URL) as a hosted repository named
     * {@code name} (default: the source's last path segment without {@code .git}). CONFLICT when the name is taken,
     * INVALID for a bad name or source, UNPROCESSABLE when the source cannot be cloned.
     */
    HostedRepository importRepository(String source, String name);

    /** By name. */
    List<HostedRepository> repositories();
}
