package dev.voxloop.app.cli;

import picocli.CommandLine.Command;

/** {@code voxloop repo import ...}: repositories hosted by the built-in forge. */
@Command(name = "repo", mixinStandardHelpOptions = true,
        description = "Repositories hosted by voxloop's built-in forge (served at /git/<name>.git by 'serve').")
public final class RepoCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("voxloop repo import PATH|URL [--name N]   (see --help)");
    }
}
