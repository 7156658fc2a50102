/**
 * Reviews of a proposed change: the {@link dev.voxloop.core.review.Reviewer} port (a pull request's diff and ticket
 * in, a {@link dev.voxloop.core.review.Review} out), its verdicts and {@link dev.voxloop.core.review.Finding}s. The
 * built-in rules, a model and people are reviewers; policy decides which findings block a merge.
 */
package dev.voxloop.core.review;
