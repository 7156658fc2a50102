/**
 * Persistence: the {@link dev.voxloop.store.Database} (H2 file by default, PostgreSQL when configured), Flyway
 * migrations under {@code db/migration}, and Jdbi implementations of core's ports: intake sessions, the loop
 * queue with leases, the append-only event log, and the built-in ticket tracker (its tables live here because
 * they are tables in our own database). See docs/store.md.
 */
package dev.voxloop.store;
