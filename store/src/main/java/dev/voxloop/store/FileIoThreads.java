package dev.voxloop.store;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the threads that do the embedded database's file reads and writes. H2's {@code async:} file system (see
 * {@link StoreSettings}) opens its file as an AsynchronousFileChannel without an executor, so every read and write
 * runs on the JDK's default pool for such channels: a cached pool, one thread per read or write in flight (so at
 * most one per thread inside the database: the connection pool's size plus H2's own), each leaving after 60 s idle.
 * Left alone its threads are called {@code InnocuousThread-N}, which says nothing in a thread dump; with this
 * factory they are {@code voxloop-db-file-N}. The JDK reads the factory's class name from a system property once,
 * when the first such channel opens, and loads it through the system class loader; so it is set only when this
 * class is visible there and nobody has chosen another factory. Threads are daemons, as the JDK's own are: the
 * pool is never shut down.
 */
public final class FileIoThreads implements ThreadFactory {

    static final String PROPERTY = "java.nio.channels.DefaultThreadPool.threadFactory";
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Called by the JDK, reflectively, through the system property. */
    public FileIoThreads() {
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "voxloop-db-file-" + IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Before the database opens its file: names the pool's threads, unless another factory is set already. */
    static void install() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(FileIoThreads.class.getName(), false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return; // loaded by another class loader (a container's): the JDK could not load it and would fail
        }
        System.setProperty(PROPERTY, FileIoThreads.class.getName());
    }
}
