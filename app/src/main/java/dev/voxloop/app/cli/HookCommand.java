package dev.voxloop.app.cli;

import dev.voxloop.guard.hook.HookHandler;
import dev.voxloop.guard.hook.HookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop hook pre-tool-use|post-tool-use|stop}: Claude Code's hook protocol. Reads the hook JSON on stdin,
 * writes the decision JSON on stdout (exit 0) and mirrors the reason on stderr. Needs no database or server: it
 * runs inside the agent's process tree.
 */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Claude Code hook: pre-tool-use, post-tool-use or stop (JSON on stdin, decision on stdout).")
public final class HookCommand implements Callable<Integer> {

    private static final int MAX_INPUT = 8 * 1024 * 1024;

    @Parameters(index = "0", description = "pre-tool-use, post-tool-use or stop")
    String event;

    private final Supplier<HookHandler> handler;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public HookCommand(Supplier<HookHandler> handler) {
        this(handler, System.in, System.out, System.err);
    }

    public HookCommand(Supplier<HookHandler> handler, InputStream in, PrintStream out, PrintStream err) {
        this.handler = handler;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String stdin = new String(in.readNBytes(MAX_INPUT), StandardCharsets.UTF_8);
        HookResponse r;
        try {
            r = handler.get().handle(event, stdin, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 64;
        }
        if (!r.stdout().isEmpty()) {
            out.println(r.stdout());
        }
        if (!r.stderr().isEmpty()) {
            err.print(r.stderr());
        }
        out.flush();
        err.flush();
        return r.exit();
    }
}
