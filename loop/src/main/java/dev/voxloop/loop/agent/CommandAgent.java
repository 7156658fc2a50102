package dev.voxloop.loop.agent;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any command-line agent (codex, aider, gemini, a script): the prompt is written to a file under the git dir
 * (outside the tree) and the configured argv runs in the workspace with {@code {prompt_file}}, {@code {workspace}},
 * {@code {iteration}} replaced; the prompt is also on stdin. Exit 0 claims completion; the output's tail is the
 * message; {@code <result>BLOCKED: why</result>} hands the run to a person. A command that cannot be started
 * makes the agent unavailable (the run stops instead of retrying a missing program until the budget is gone).
 * Every turn runs inside the sandbox: the workspace writable, git and the protected paths read-only.
 */
public final class CommandAgent implements CodingAgent {

    private final List<String> argv;
    private final Map<String, String> env;
    private final RunSandbox sandbox;

    public CommandAgent(List<String> argv, Map<String, String> env, RunSandbox sandbox) {
        if (argv.isEmpty()) {
            throw new LoopFailure.Misconfigured("the command agent needs loop.projects.<KEY>.agent_command", null);
        }
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.sandbox = sandbox;
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        Path promptFile;
        try {
            Path dir = new dev.voxloop.loop.workspace.Git(r.workspace()).gitDir().resolve("voxloop");
            Files.createDirectories(dir);
            promptFile = dir.resolve("prompt-" + r.iteration() + ".md");
            Files.writeString(promptFile, r.prompt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        for (String a : argv) {
            cmd.add(a.replace("{prompt_file}", promptFile.toString()).replace("{workspace}", r.workspace().toString())
                    .replace("{iteration}", String.valueOf(r.iteration())));
        }
        CommandResult res = sandbox.agentTurn(cmd, r.workspace(), env, r.prompt(), r.runId(), r.ticketKey(),
                r.timeout());
        if (res.notStarted()) {
            throw new LoopFailure.AgentUnavailable("the agent command cannot be started: " + cmd.get(0) + " is not"
                    + " installed or not executable on this worker (the project's agent_command)");
        }
        String tail = res.tail(2000);
        String blocked = TurnResult.blockedIn(res.output());
        if (res.timedOut()) {
            return new TurnResult("the agent timed out", false, null, null, 0, 0, 0, tail);
        }
        return new TurnResult(tail, res.exit() == 0, blocked, null, 0, 0, 0, tail);
    }
}
