package dev.voxloop.app.cli;

import dev.voxloop.app.AppConfig;
import dev.voxloop.app.config.ConfigTemplate;
import dev.voxloop.app.config.EffectiveConfig;
import dev.voxloop.app.config.SettingsCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop config}: every setting as a commented example file, or the values in force. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every configuration key as a commented voxloop.yaml (its default, the environment"
                + " variables that set it, what it does), or with --effective the values in force and where each"
                + " came from (secrets masked); exits 1 when a value is bad.")
public final class ConfigCommand implements Callable<Integer> {

    private final AppContext context;

    @Option(names = "--effective", description = "Show the values in force: default, file, .env or environment.")
    boolean effective;

    public ConfigCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!effective) {
            System.out.print(ConfigTemplate.render(SettingsCatalog.RECORDS));
            return 0;
        }
        AppConfig config = context.config();
        System.out.print(EffectiveConfig.render(SettingsCatalog.RECORDS, config.tree(), config.file(),
                config.dataDir()));
        System.out.print(EffectiveConfig.projects(config.tree(), config.dataDir()));
        List<String> problems = SettingsCatalog.problems(config.tree(), config.dataDir());
        problems.forEach(p -> System.err.println("voxloop config: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
