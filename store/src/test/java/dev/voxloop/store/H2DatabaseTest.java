package dev.voxloop.store;

class H2DatabaseTest extends DatabaseContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}
