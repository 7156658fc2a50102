package dev.voxloop.store.review;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresReviewLogTest extends ReviewLogContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}
