/**
 * The code host as the loop sees it: pull requests, their commits and diff, checks on a head commit, comments,
 * reviews, merge and branch deletion. {@link dev.voxloop.core.forge.CodeForge} is the port; the built-in forge
 * (repositories served by voxloop itself) and GitHub implement it.
 */
package dev.voxloop.core.forge;
