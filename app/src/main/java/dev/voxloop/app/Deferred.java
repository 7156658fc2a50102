package dev.voxloop.app;

import java.util.function.Supplier;

/**
 * Builds a heavy engine (speech model, embedding model) on first use or when {@link #warm()} is called, whichever
 * comes first, so `voxloop serve` answers /health before the models start taking the CPU.
 */
final class Deferred<T> {

    private final Supplier<T> factory;
    private volatile T value;

    Deferred(Supplier<T> factory) {
        this.factory = factory;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** Start building now (the engines load their models in their own background threads). */
    void warm() {
        get();
    }

    boolean built() {
        return value != null;
    }
}
