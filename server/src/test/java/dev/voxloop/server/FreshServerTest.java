package dev.voxloop.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of HTTP tests that want a fresh {@link TestServer} (and fresh in-memory state) for every test. */
abstract class FreshServerTest {

    TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
