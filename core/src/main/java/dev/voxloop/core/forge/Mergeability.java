package dev.voxloop.core.forge;

/**
 * Whether the forge would merge the pull request now (GitHub's {@code mergeable_state}).
 */
public enum Mergeability {
    /** Mergeable, required checks green ({@code clean}, {@code has_hooks}). */
    CLEAN,
    /** Mergeable; checks that are not required are failing ({@code unstable}). */
    UNSTABLE,
    /** The base moved on and the branch must be brought up to date first ({@code behind}). */
    BEHIND,
    /** Merging would conflict ({@code dirty}). */
    CONFLICTING,
    /** Required checks or reviews are missing, or the pull request is a draft ({@code blocked}, {@code draft}). */
    BLOCKED,
    /** Not computed yet ({@code unknown}); ask again shortly. */
    UNKNOWN
}
