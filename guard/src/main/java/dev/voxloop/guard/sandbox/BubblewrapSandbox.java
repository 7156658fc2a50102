package dev.voxloop.guard.sandbox;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.SandboxUnavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The default sandbox: every command runs under bubblewrap (see {@link MountPlan} for what exists inside), inside
 * its own cgroups or rlimits ({@link KernelLimits}), with voxloop's egress proxy as the only way out when the
 * project allows hosts. Limits that stop a command and refused connections are published as events.
 */
public final class BubblewrapSandbox implements Sandbox {

    private final SandboxSettings settings;
    private final String bwrap;
    private final KernelLimits kernel;
    private final Consumer<PipelineEvent> events;
    private final Clock clock;
    private final Path hostHome;
    private final Map<String, String> hostEnv;

    /**
     * @param bwrap    the resolved bubblewrap executable
     * @param events   where refusals and limit hits go (the event bus; the CLI prints them)
     * @param hostHome the worker's home directory: a fresh directory takes its place inside
     * @param hostEnv  the worker's environment, of which only allowlisted names are passed in
     */
    BubblewrapSandbox(SandboxSettings settings, String bwrap, KernelLimits kernel, Consumer<PipelineEvent> events,
                      Clock clock,
                      Path hostHome, Map<String, String> hostEnv) {
        this.settings = settings;
        this.bwrap = bwrap;
        this.kernel = kernel;
        this.events = events;
        this.clock = clock;
        this.hostHome = hostHome;
        this.hostEnv = Map.copyOf(hostEnv);
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    @Override
    public boolean isolates() {
        return true;
    }

    @Override
    public String describe() {
        return "sandbox: bubblewrap (no network unless allowed, workspace writable, .git and protected paths"
                + " read-only; " + kernel.describe() + ")";
    }

    @Override
    public SandboxResult run(SandboxRequest r, OutputWatcher watcher) {
        Path scratch = null;
        List<ProtectedTree.Entry> guarded = List.of();
        EgressProxy proxy = null;
        try {
            Path workspace = r.workspace().toRealPath();
            scratch = Files.createTempDirectory("voxloop-sandbox-");
            Path home = r.home() == null ? Files.createDirectory(scratch.resolve("home"))
                    : Files.createDirectories(r.home());
            guarded = ProtectedTree.of(workspace);
            Path egressDir = null;
            List<String> command = r.command();
            if (r.network() instanceof Network.Allowlist allow) {
                egressDir = Files.createDirectory(scratch.resolve("egress"));
                proxy = EgressProxy.start(egressDir.resolve("egress.sock"), new EgressRules(allow.hosts()),
                        refusal -> refused(r, refusal));
                command = bridged(command);
            }
            List<String> argv = new ArrayList<>(List.of(bwrap));
            argv.addAll(MountPlan.arguments(settings, workspace, home, hostHome, guarded,
                    Files.createDirectory(scratch.resolve("empty")), egressDir, r.binds(), r.readOnly()));
            argv.add("--");
            argv.addAll(command);
            Map<String, String> env = SandboxEnvironment.of(r, settings, hostHome, name(), hostEnv);
            try (KernelLimits.Groups groups = kernel.open(UUID.randomUUID().toString().substring(0, 12), r.limits())) {
                return result(r, groups, LimitedProcess.run(groups.wrap(argv), workspace, env, r.stdin(),
                        r.limits().wallTime(), r.limits().outputBytes(), watcher));
            }
        } catch (IOException e) {
            throw new SandboxUnavailable("cannot start the sandbox for " + r.command().get(0) + ": "
                    + e.getMessage());
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            removePlaceholders(guarded);
            Sandboxes.deleteTree(scratch);
        }
    }

    /** How the command ended, with the limit that stopped it (also published) or a program that never started. */
    private SandboxResult result(SandboxRequest r, KernelLimits.Groups groups, LimitedProcess.Outcome o) {
        LimitHit hit = o.hit(r.limits()) != null ? o.hit(r.limits()) : groups.hit(o.exit()).orElse(null);
        if (hit != null) {
            events.accept(new PipelineEvent.SandboxLimitReached(clock.instant(), r.subject(),
                    String.join(" ", r.command()), hit.reason()));
        } else if (o.exit() == 1 && o.output().startsWith("bwrap: execvp ")) {
            return SandboxResult.notStarted(r.command().get(0), o.output().strip(), o.millis());
        }
        return new SandboxResult(o.exit(), o.output(), hit, o.millis());
    }

    /** Starts the bridge from 127.0.0.1:3128 inside to the proxy's socket, waits until it listens, runs argv. */
    private static List<String> bridged(List<String> command) {
        List<String> out = new ArrayList<>(List.of("sh", "-c",
                "socat TCP-LISTEN:3128,bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:" + MountPlan.EGRESS_SOCKET
                        + " 2>/dev/null & i=0; until socat -u OPEN:/dev/null TCP:127.0.0.1:3128 2>/dev/null;"
                        + " do i=$((i+1)); [ $i -gt 200 ] && break; sleep 0.01; done; exec \"$@\"",
                "voxloop-egress"));
        out.addAll(command);
        return out;
    }

    private void refused(SandboxRequest r, EgressProxy.Refusal refusal) {
        events.accept(new PipelineEvent.EgressRefused(clock.instant(), r.subject(), refusal.host(), refusal.port(),
                refusal.reason()));
    }

    /** Removes the mount points bubblewrap left where a protected path did not exist (only when still empty). */
    private static void removePlaceholders(List<ProtectedTree.Entry> guarded) {
        for (ProtectedTree.Entry e : guarded) {
            if (!e.exists() && Files.isDirectory(e.path())) {
                try (var s = Files.list(e.path())) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(e.path());
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot remove the placeholder " + e.path(), ex);
                }
            }
        }
    }
}
