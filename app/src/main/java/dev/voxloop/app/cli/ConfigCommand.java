package dev.voxloop.app.cli;

import dev.voxloop.app.ConfigKeys;
import dev.voxloop.core.config.ConfigKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop config}: every setting with its environment variables, as a commented example file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every configuration key as a commented voxloop.yaml (with the environment variables"
                + " that set it), or with --effective the values in force (secrets masked).")
public final class ConfigCommand implements Callable<Integer> {

    private final AppContext context;

    @Option(names = "--effective", description = "Show the merged values from the file, .env and environment.")
    boolean effective;

    public ConfigCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ConfigKey> keys = ConfigKeys.all();
        System.out.println("# voxloop configuration: every key, with the environment variables that set it.");
        System.out.println("# Precedence: environment > .env beside this file > this file > built-in default.");
        String section = "";
        for (ConfigKey k : keys) {
            String top = k.path().contains(".") ? k.path().substring(0, k.path().indexOf('.')) : "";
            if (!top.equals(section)) {
                System.out.println();
                section = top;
            }
            String env = k.env().isEmpty() ? "" : "  [env: " + String.join(", ", k.env()) + "]";
            System.out.println("# " + k.description() + env);
            String value = "";
            if (effective) {
                value = context.config().tree().string(k.path()).map(v -> k.secret() ? "********" : v).orElse("");
            }
            System.out.println((effective && !value.isEmpty() ? "" : "# ") + k.path() + ": " + value);
        }
        return 0;
    }
}
