package dev.voxloop.app.cli;

import dev.voxloop.guard.githook.GitHooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop githook commit-msg FILE} and {@code voxloop githook pre-push [REMOTE URL]} (git passes ref lines on
 * stdin). Exit 0 lets git go on; 1 stops it, with the reasons on stderr. No database or server needed.
 */
@Command(name = "githook", mixinStandardHelpOptions = true,
        description = "Git hook: commit-msg FILE, or pre-push (ref lines on stdin).")
public final class GithookCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "commit-msg or pre-push")
    String hook;

    @Parameters(index = "1..*", arity = "0..*", description = "what git passes: the message file, or remote and URL")
    List<String> args = List.of();

    private final Supplier<GitHooks> hooks;
    private final InputStream in;
    private final PrintStream err;

    public GithookCommand(Supplier<GitHooks> hooks) {
        this(hooks, System.in, System.err);
    }

    public GithookCommand(Supplier<GitHooks> hooks, InputStream in, PrintStream err) {
        this.hooks = hooks;
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        GitHooks.Result r;
        switch (hook) {
            case "commit-msg" -> {
                if (args.isEmpty()) {
                    err.println("usage: voxloop githook commit-msg <message file>");
                    return 64;
                }
                r = hooks.get().commitMsg(Path.of(args.get(0)));
            }
            case "pre-push" -> r = hooks.get().prePush(Path.of("").toAbsolutePath(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            default -> {
                err.println("unknown git hook '" + hook + "' (expected commit-msg or pre-push)");
                return 64;
            }
        }
        err.print(r.message());
        err.flush();
        return r.exit();
    }
}
