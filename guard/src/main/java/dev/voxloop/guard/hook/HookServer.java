package dev.voxloop.guard.hook;

import dev.voxloop.core.guard.AgentHooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers an agent's hook calls inside the running voxloop process, so a hook costs a {@code curl} and a policy
 * check instead of a JVM start. It listens on a Unix domain socket in a fresh directory only the current user can
 * enter (no port, no network namespace to cross, so it works from inside a sandbox that has the directory bound in),
 * and speaks just enough HTTP/1.1 for {@code curl --unix-socket}: {@code POST /hooks/<event>} with the hook's JSON
 * as the body, answered with the decision JSON (or nothing) and status 200, or 400 for an unknown event. The
 * {@link #launcher() launcher} is the hook command: it forwards stdin and exits 2 (blocking, in Claude Code's and
 * Codex's protocol) when voxloop cannot be reached, so a hook never fails open. It counts the calls per event, the
 * proof that an agent's hooks reached voxloop during a turn.
 */
public final class HookServer implements AgentHooks.Endpoint {

    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final HookHandler handler;
    private final Path workspace;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Thread acceptor;

    private HookServer(HookHandler handler, Path workspace, Path dir) throws IOException {
        this.handler = handler;
        this.workspace = workspace;
        this.dir = dir;
        this.socket = dir.resolve("hook.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = Thread.ofVirtual().name("voxloop-hooks").start(this::accept);
    }

    /**
     * Listens in a new directory under {@code parent} (short: socket paths are limited to about 100 bytes) for the
     * hooks of an agent working in {@code workspace} (where a call without a {@code cwd} is judged).
     */
    public static HookServer start(HookHandler handler, Path parent, Path workspace) {
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, "vxh", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            HookServer s = new HookServer(handler, workspace, dir);
            s.writeLauncher();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the hook socket under " + parent, e);
        }
    }

    /** The directory holding the socket and the launcher (what a sandbox must bind in). */
    @Override
    public Path dir() {
        return dir;
    }

    public Path launcher() {
        return dir.resolve("hook");
    }

    /** The hook command for an event in CLI spelling (pre-tool-use, post-tool-use, stop). */
    @Override
    public String command(String event) {
        return "'" + launcher() + "' " + event;
    }

    /** Calls answered so far for an event (CLI spelling). */
    @Override
    public int calls(String event) {
        AtomicInteger n = calls.get(event);
        return n == null ? 0 : n.get();
    }

    private void writeLauncher() throws IOException {
        String script = """
                #!/bin/sh
                # voxloop hook launcher: hands this hook call to the voxloop process running the turn.
                # Unreachable voxloop = exit 2, which blocks the call (fail closed). The socket is local: never
                # through the sandbox's egress proxy.
                out=$(curl -sS --noproxy '*' --fail-with-body --max-time 1800 --unix-socket '%s' \\
                  -H 'Content-Type: application/json' -H 'Expect:' --data-binary @- "http://voxloop/hooks/$1" 2>&1) || {
                  printf 'voxloop could not check this %%s call (fail closed): %%s\\n' "$1" "$out" >&2
                  exit 2
                }
                [ -z "$out" ] || printf '%%s\\n' "$out"
                """.formatted(socket);
        Files.writeString(launcher(), script);
        Files.setPosixFilePermissions(launcher(), PosixFilePermissions.fromString("rwx------"));
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                Thread.ofVirtual().name("voxloop-hook").start(() -> serve(c));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c; var in = Channels.newInputStream(c)) {
            String head = readHead(in);
            String[] request = head.split("\r\n", 2)[0].split(" ");
            int length = contentLength(head);
            byte[] body = length > MAX_BODY ? new byte[0] : in.readNBytes(Math.max(0, length));
            if (request.length < 2 || !request[0].equals("POST") || !request[1].startsWith("/hooks/")
                    || length > MAX_BODY) {
                reply(c, 400, "voxloop hook server: expected POST /hooks/<event> with at most 8 MB");
                return;
            }
            String event = request[1].substring("/hooks/".length());
            HookResponse r;
            try {
                r = handler.handle(event, new String(body, StandardCharsets.UTF_8), workspace);
            } catch (IllegalArgumentException e) {
                reply(c, 400, e.getMessage());
                return;
            }
            calls.computeIfAbsent(event, k -> new AtomicInteger()).incrementAndGet();
            reply(c, 200, r.stdout());
        } catch (IOException | RuntimeException e) {
            // the launcher sees the broken connection and blocks the call (fail closed)
        }
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0 && head.size() < 16_384) {
            head.write(b);
            matched = "\r\n\r\n".charAt(matched) == b ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Integer.parseInt(line.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    return MAX_BODY + 1;
                }
            }
        }
        return 0;
    }

    private static void reply(SocketChannel c, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Bad Request") + "\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
        c.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
        c.write(ByteBuffer.wrap(b));
    }

    /** Stops answering, as a crashed voxloop would; the launcher stays and blocks every call. */
    void stopListening() {
        try {
            server.close();
            acceptor.join(1000);
        } catch (IOException e) {
            // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopListening();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(launcher());
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover directory in the temporary directory is harmless: nothing listens on it any more
        }
    }
}
