package dev.voxloop.app.pipeline;

import org.junit.jupiter.api.Tag;

/** The fuzz run of {@link ApiFuzzTest} for a minute (-Pslow; {@code -Dvoxloop.fuzz.seconds} changes it). */
@Tag("slow")
class ApiFuzzSlowTest extends ApiFuzzTest {

    @Override
    long seconds() {
        return Long.getLong("voxloop.fuzz.seconds", 60);
    }
}
