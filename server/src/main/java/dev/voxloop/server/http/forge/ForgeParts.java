package dev.voxloop.server.http.forge;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.RepositoryHosting;
import jakarta.servlet.http.HttpServlet;

/**
 * What the server needs of the forge: the port, the built-in forge's records (for timelines), the hosting (list
 * and import) and git's smart HTTP servlet for {@code /git/*}. Parts may be null when not wired (no routes then).
 */
public record ForgeParts(CodeForge forge, ForgeStore store, RepositoryHosting hosting, HttpServlet git) {
}
