package dev.voxloop.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every contract test: one fresh database per test class (from {@link #backend()}), emptied before each
 * test. An H2 subclass runs by default; a {@code @Tag("postgres")} subclass runs the same tests on PostgreSQL
 * when {@code VOXLOOP_TEST_DB_URL} is set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

    private TestBackend backend;
    protected Database db;

    protected abstract TestBackend backend();

    @BeforeAll
    void openDatabase() {
        backend = backend();
        db = Database.open(backend.settings());
    }

    @BeforeEach
    void emptyTables() {
        db.jdbi().useHandle(h -> Database.TABLES.forEach(t -> h.execute("DELETE FROM " + t)));
    }

    /** Close and open the same database again, as a restart would. */
    protected void reopen() {
        db.close();
        db = Database.open(backend.settings());
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (backend != null) {
            backend.drop();
        }
    }
}
