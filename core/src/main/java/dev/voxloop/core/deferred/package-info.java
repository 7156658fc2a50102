/**
 * {@link dev.voxloop.core.deferred.Deferred}: how a heavy engine (a model that takes seconds to load) is built in
 * the background and waited for with a bound. JDK-only plumbing, in {@code core} because the speech and intent
 * modules both need it and may depend on nothing else of ours.
 */
package dev.voxloop.core.deferred;
