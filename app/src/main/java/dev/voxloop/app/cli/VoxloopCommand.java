package dev.voxloop.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; its subcommands are registered by {@link dev.voxloop.app.Main}. */
@Command(name = "voxloop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Spoken feature request to merged code.%nRun with a command; `voxloop COMMAND --help` explains"
                + " each.", synopsisSubcommandLabel = "COMMAND")
public final class VoxloopCommand implements Runnable {

    @Mixin
    public CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command (try: voxloop serve, voxloop --help)");
    }
}
