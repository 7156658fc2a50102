/**
 * The forge: repositories voxloop hosts itself ({@code hosting}: bare repositories served over git's smart HTTP
 * protocol by JGit), the built-in {@link dev.voxloop.core.forge.CodeForge} on them ({@code builtin}: pull requests,
 * diffs, merges), and the built-in CI ({@code ci}: checks in a fresh clone of a head commit).
 */
package dev.voxloop.forge;
