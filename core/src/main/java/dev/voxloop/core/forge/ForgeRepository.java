package dev.voxloop.core.forge;

/**
 * A repository on a forge.
 *
 * @param name          as the forge names it ({@code trackit}, {@code owner/name})
 * @param defaultBranch the branch changes merge into
 * @param cloneUrl      where git clones and pushes; never carries credentials
 * @param webUrl        a page a person can open, or null
 */
public record ForgeRepository(String name, String defaultBranch, String cloneUrl, String webUrl) {
}
