package dev.voxloop.store;

/** A fresh database for one test class: H2 in a temporary directory, or a new schema in a PostgreSQL database. */
public interface TestBackend {

    /** Settings of this backend's fresh database (the same on every call, so it can be reopened). */
    StoreSettings settings();

    /** Removes the database (directory or schema). */
    void drop();

    static TestBackend h2() {
        return new H2Backend();
    }

    static TestBackend postgres() {
        return new PostgresBackend();
    }
}
