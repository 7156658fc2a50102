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

    private TestDatabase database;
    protected Database db;

    protected abstract TestBackend backend();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(backend());
        db = database.db();
    }

    @BeforeEach
    void emptyTables() {
        database.empty();
    }

    /** Close and open the same database again, as a restart would. */
    protected void reopen() {
        database.reopen();
        db = database.db();
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
