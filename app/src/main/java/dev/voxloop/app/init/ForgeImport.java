package dev.voxloop.app.init;

import java.util.Optional;

/**
 * The built-in forge as {@code voxloop init --import} uses it: the person's repository is imported once, and the
 * loop then clones from and opens pull requests on the hosted copy ({@code voxloop repo import} does the same).
 */
public interface ForgeImport {

    /** The hosted repository imported from {@code source} earlier, if any (a re-run keeps it). */
    Optional<String> importedFrom(String source);

    /** Imports {@code source} under a free name made from {@code name}; returns the hosted repository's name. */
    String importRepository(String source, String name);
}
