package dev.voxloop.app.cli;

import dev.voxloop.app.AppConfig;
import dev.voxloop.app.DataDirectory;
import dev.voxloop.app.Voxloop;
import dev.voxloop.app.config.ConfigLoader;
import dev.voxloop.app.config.SettingsCatalog;
import java.nio.file.Path;

/**
 * What a command needs from its surroundings, created lazily from the common options: the configuration,
 * and the wired application (database, tracker, engines) for commands that use it. Closed when the command ends.
 */
public final class AppContext implements AutoCloseable {

    private final CommonOptions options;
    private AppConfig config;
    private Voxloop app;
    private boolean closed;

    public AppContext(CommonOptions options) {
        this.options = options;
    }

    public synchronized AppConfig config() {
        if (config == null) {
            Path file = options.configFile();
            Path dotEnv = (file != null ? file.getParent() : Path.of("").toAbsolutePath()).resolve(".env");
            ConfigLoader.Loaded loaded = new ConfigLoader(SettingsCatalog.keys()).load(file, dotEnv, System.getenv());
            loaded.warnings().forEach(w -> System.err.println("voxloop: warning: " + w));
            config = new AppConfig(loaded.tree(), options.dataDir(), file, loaded.warnings());
            // before anything writes into it (sandbox homes, hosted repositories, the database): owner-only
            DataDirectory.create(config.dataDir());
        }
        return config;
    }

    /** @throws Voxloop.Stopped once closed (a stop came first): nothing is opened any more */
    public synchronized Voxloop app() {
        if (closed) {
            throw new Voxloop.Stopped();
        }
        if (app == null) {
            app = Voxloop.open(config());
        }
        return app;
    }

    /**
     * The application for {@code serve}: its database opens in the background ({@link Voxloop#start}).
     *
     * @throws Voxloop.Stopped once closed (a stop came before the server began): nothing is opened any more
     */
    public synchronized Voxloop serving() {
        if (closed) {
            throw new Voxloop.Stopped();
        }
        if (app == null) {
            app = Voxloop.start(config());
        }
        return app;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
