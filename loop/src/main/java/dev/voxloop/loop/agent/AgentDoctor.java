package dev.voxloop.loop.agent;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.sandbox.Sandbox.OutputWatcher;
import dev.voxloop.loop.workspace.AgentCommand;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code voxloop doctor} says about a project's agent: the CLI is there and answers {@code --version}, the
 * version is one voxloop supports (Claude Code 2.1.200 or later: {@code --include-hook-events} and
 * {@code --setting-sources}; Codex 0.124 or later: hooks), it has a key (a Claude Code login of the worker's user
 * counts only without isolation: the sandboxed turn has its own home), and the hook launcher answers a real
 * PreToolUse call through voxloop's hook socket. The CLI and the launcher run inside the sandbox, as in a turn,
 * so the check also proves the CLI's installation and the socket are reachable from there.
 */
public final class AgentDoctor {

    /** One line of the doctor's report. */
    public record Finding(String name, boolean ok, String detail) {
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, String> env;
    private final AgentHooks hooks;
    private final RunSandbox sandbox;
    private final Path home;

    public AgentDoctor(Map<String, String> env, AgentHooks hooks, RunSandbox sandbox) {
        this.env = Map.copyOf(env);
        this.hooks = hooks;
        this.sandbox = sandbox;
        this.home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    public List<Finding> check(String project, AgentProfile p, String claudeCommand) {
        String name = "agent " + project;
        List<Finding> out = new ArrayList<>();
        switch (p.name()) {
            case "claude" -> {
                List<String> cmd = p.command().isEmpty() ? List.of(claudeCommand) : p.command();
                out.add(version(name, cmd, new int[] {2, 1, 200}, "Claude Code"));
                boolean key = p.key(env, "ANTHROPIC_API_KEY") != null || env.get("CLAUDE_CODE_OAUTH_TOKEN") != null;
                boolean login = Files.exists(home.resolve(".claude/.credentials.json"));
                String keyVar = keyVar(p, "ANTHROPIC_API_KEY");
                out.add(new Finding(name, key || (login && !sandbox.isolates()), key ? "key in " + keyVar
                        + " (or CLAUDE_CODE_OAUTH_TOKEN)" : login && !sandbox.isolates()
                        ? "logged in (~/.claude/.credentials.json)" : "no key in " + keyVar + " or"
                        + " CLAUDE_CODE_OAUTH_TOKEN" + (login ? " (the login in ~/.claude is not visible inside the"
                        + " sandbox; 'claude setup-token' makes a token)" : "")));
                out.add(hookRoundTrip(name));
            }
            case "codex" -> {
                out.add(version(name, p.command().isEmpty() ? List.of("codex") : p.command(), new int[] {0, 124, 0},
                        "Codex"));
                boolean key = p.key(env, "OPENAI_API_KEY") != null;
                out.add(new Finding(name, key, key ? "key in " + keyVar(p, "OPENAI_API_KEY")
                        : "no key in " + keyVar(p, "OPENAI_API_KEY")));
                out.add(hookRoundTrip(name));
            }
            case "builtin" -> {
                String api = p.api(env);
                boolean key = api.equals("ollama") || p.key(env, "OPENAI_API_KEY") != null
                        || p.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com").contains("127.0.0.1")
                        || p.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com").contains("localhost");
                out.add(new Finding(name, key, "builtin on " + api + " at " + (api.equals("ollama")
                        ? p.baseUrl(env, "OLLAMA_URL", "http://localhost:11434")
                        : p.baseUrl(env, "OPENAI_BASE_URL", "https://api.openai.com/v1"))
                        + (key ? "" : ": no key in " + keyVar(p, "OPENAI_API_KEY"))));
            }
            default -> out.add(new Finding(name, true, p.name()));
        }
        return out;
    }

    private static String keyVar(AgentProfile p, String fallback) {
        return p.keyEnv() != null ? p.keyEnv() : fallback;
    }

    private Finding version(String name, List<String> cmd, int[] minimum, String what) {
        List<String> argv = new ArrayList<>(cmd);
        argv.add("--version");
        AgentInstallation cli = AgentInstallation.of(argv.get(0), env.get("PATH"));
        argv.set(0, cli.program());
        CommandResult r = inSandbox(new AgentCommand(argv, Map.of(), null, cli.paths(), List.of()));
        if (r.exit() != 0) {
            return new Finding(name, false, what + " not runnable as '" + String.join(" ", cmd) + "': "
                    + r.tail(200).strip());
        }
        Matcher m = VERSION.matcher(r.output());
        if (!m.find()) {
            return new Finding(name, false, what + " printed no version: " + r.tail(100).strip());
        }
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        boolean ok = compare(v, minimum) >= 0;
        return new Finding(name, ok, what + " " + m.group() + (ok ? "" : ", older than the supported "
                + minimum[0] + "." + minimum[1] + "." + minimum[2]));
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** Runs a command in a throw-away workspace inside the sandbox, as an agent's turn would run. */
    private CommandResult inSandbox(AgentCommand c) {
        Path ws = null;
        try {
            ws = Files.createTempDirectory("voxloop-doctor-");
            return sandbox.agentTurn(c, ws, "doctor", null, TIMEOUT, OutputWatcher.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch workspace for the doctor", e);
        } finally {
            try {
                if (ws != null) {
                    Files.deleteIfExists(ws);
                }
            } catch (IOException ignored) {
                // safe: an empty directory left in the temporary directory
            }
        }
    }

    /** A real PreToolUse call through the launcher (needs curl), from inside the sandbox as an agent would make it. */
    private Finding hookRoundTrip(String name) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (AgentHooks.Endpoint s = hooks.open(tmp)) {
            String in = "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"" + tmp + "\",\"tool_name\":\"Bash\","
                    + "\"tool_input\":{\"command\":\"git push --force origin main\"}}";
            long t0 = System.nanoTime();
            CommandResult r = inSandbox(new AgentCommand(List.of("sh", "-c", s.command("pre-tool-use")), Map.of(), in,
                    List.of(s.dir()), List.of()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            boolean ok = r.exit() == 0 && r.output().contains("\"deny\"");
            return new Finding(name, ok, ok ? "hook launcher answers (" + ms + " ms)"
                    : "hook launcher failed (exit " + r.exit() + "): " + r.tail(200).strip());
        } catch (RuntimeException e) {
            return new Finding(name, false, "hook socket: " + e.getMessage());
        }
    }
}
