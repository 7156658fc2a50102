package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.Main;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command builds, has --help, and takes --data/--config; unknown input is a usage error, not a crash. */
class CliTest {

    @Test
    void everyCommandAnswersHelp() {
        VoxloopCommand top = new VoxloopCommand();
        try (AppContext context = new AppContext(top.common)) {
            CommandLine cli = Commands.build(top, context);
            List<List<String>> paths = new ArrayList<>();
            collect(cli, new ArrayList<>(), paths);
            assertThat(paths).hasSizeGreaterThan(5);
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                assertThat(Main.run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
                assertThat(cli.getSubcommands().get(path.isEmpty() ? "serve" : path.getFirst()).getCommandSpec()
                        .findOption("--data")).as("--data on " + path).isNotNull();
            }
        }
    }

    @Test
    void aNamedCommandIsBuiltAloneUnderItsOwnName() {
        VoxloopCommand top = new VoxloopCommand();
        try (AppContext context = new AppContext(top.common)) {
            assertThat(Commands.build(top, context).getSubcommands().keySet())
                    .containsExactlyElementsOf(Commands.subcommands(context, top).keySet());
            for (String name : Commands.subcommands(context, top).keySet()) {
                assertThat(Commands.build(new VoxloopCommand(), context, name, "--port", "1").getSubcommands())
                        .as(name).containsOnlyKeys(name);
            }
            assertThat(Commands.build(top, context, "--data", "d", "serve").getSubcommands()).hasSizeGreaterThan(5);
        }
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        assertThat(Main.run("frobnicate")).isEqualTo(2);
        assertThat(Main.run("serve", "--no-such-option")).isEqualTo(2);
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }
}
