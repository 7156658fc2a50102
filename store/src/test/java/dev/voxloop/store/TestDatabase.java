package dev.voxloop.store;

/** One fresh database from a {@link TestBackend}: opened once, emptied between tests, dropped at the end. */
public final class TestDatabase implements AutoCloseable {

    private final TestBackend backend;
    private Database db;

    private TestDatabase(TestBackend backend) {
        this.backend = backend;
        try {
            this.db = Database.open(backend.settings());
        } catch (RuntimeException e) {
            backend.drop();
            throw e;
        }
    }

    public static TestDatabase open(TestBackend backend) {
        return new TestDatabase(backend);
    }

    public Database db() {
        return db;
    }

    /** Deletes every row of every table. */
    public void empty() {
        db.jdbi().useHandle(h -> Database.TABLES.forEach(t -> h.execute("DELETE FROM " + t)));
    }

    /** Close and open the same database again, as a restart would. */
    public void reopen() {
        db.close();
        db = Database.open(backend.settings());
    }

    /** Closes the database and removes it. */
    @Override
    public void close() {
        try {
            db.close();
        } finally {
            backend.drop();
        }
    }
}
