package dev.voxloop.app.cli;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.ForgeRepository;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.forge.RepositoryHosting;
import dev.voxloop.core.problem.Problem;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code voxloop repo import PATH|URL [--name N]}: brings an existing repository into the built-in forge. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import every branch and tag of a local repository or a URL into the built-in forge.")
public final class RepoImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH|URL", description = "the repository to import")
    String source;

    @Option(names = "--name", description = "its name on the forge (default: the source's last path segment)")
    String name;

    private final Supplier<? extends RepositoryHosting> hosting;
    private final PrintStream out;

    public <F extends RepositoryHosting & CodeForge> RepoImportCommand(Supplier<F> hosting) {
        this(hosting, System.out);
    }

    public <F extends RepositoryHosting & CodeForge> RepoImportCommand(Supplier<F> hosting, PrintStream out) {
        this.hosting = hosting;
        this.out = out;
    }

    @Override
    public Integer call() {
        RepositoryHosting h = hosting.get();
        try {
            HostedRepository r = h.importRepository(source, name);
            ForgeRepository f = ((CodeForge) h).repository(r.name());
            out.println("imported " + r.name() + " (default branch " + r.defaultBranch() + ")");
            out.println("clone with: git clone " + f.cloneUrl());
            return 0;
        } catch (Problem e) {
            System.err.println("voxloop repo import: " + e.getMessage());
            return e.kind() == Problem.Kind.CONFLICT ? 3 : 2;
        }
    }
}
