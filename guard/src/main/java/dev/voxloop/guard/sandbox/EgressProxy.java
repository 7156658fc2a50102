package dev.voxloop.guard.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * voxloop's egress proxy for one sandboxed command: an HTTP proxy on a Unix socket (the only way out of the
 * sandbox's empty network namespace, bridged to 127.0.0.1:3128 inside) that tunnels {@code CONNECT} and forwards
 * plain {@code http://} requests to allowed hosts and answers 403 to everything else, reporting each refusal.
 * The proxy resolves names itself, so the sandbox needs no DNS.
 */
final class EgressProxy implements AutoCloseable {

    /** A refused connection: which host and port, and why. */
    record Refusal(String host, int port, String reason) {
    }

    private static final int HEAD_MAX = 32 * 1024;

    private final ServerSocketChannel server;
    private final EgressRules rules;
    private final Consumer<Refusal> onRefusal;
    private final Thread acceptor;

    private EgressProxy(ServerSocketChannel server, EgressRules rules, Consumer<Refusal> onRefusal) {
        this.server = server;
        this.rules = rules;
        this.onRefusal = onRefusal;
        this.acceptor = Thread.ofVirtual().name("voxloop-egress").start(this::acceptLoop);
    }

    static EgressProxy start(Path socket, EgressRules rules, Consumer<Refusal> onRefusal) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new EgressProxy(server, rules, onRefusal);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            InputStream in = Channels.newInputStream(client);
            OutputStream out = Channels.newOutputStream(client);
            byte[] head = readHead(in);
            if (head.length == 0) {
                return; // the bridge's readiness probe
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
            if (line.length != 3) {
                answer(out, 400, "not an HTTP proxy request");
                return;
            }
            boolean tunnel = line[0].equals("CONNECT");
            Target t = tunnel ? Target.authority(line[1]) : Target.uri(line[1]);
            if (t == null) {
                answer(out, 400, "the proxy needs an absolute http:// URL or CONNECT host:port");
                return;
            }
            Optional<String> refused = rules.refusal(t.host(), t.port());
            InetAddress address = null;
            if (refused.isEmpty()) {
                try {
                    address = InetAddress.getByName(t.host());
                    refused = rules.refusal(t.host(), t.port(), address);
                } catch (IOException e) {
                    refused = Optional.of(t.host() + " cannot be resolved");
                }
            }
            if (refused.isPresent()) {
                onRefusal.accept(new Refusal(t.host(), t.port(), refused.get()));
                answer(out, 403, "voxloop egress: " + refused.get());
                return;
            }
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(address, t.port()), 10_000);
                if (tunnel) {
                    out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } else {
                    upstream.getOutputStream().write(originForm(text, line, t));
                }
                Thread up = Thread.ofVirtual().start(() -> pipe(in, upstream));
                upstream.getInputStream().transferTo(out);
                up.join(1000);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the upstream went away; nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // either side closed
        }
    }

    /** The request rewritten for the origin server: path-only target, no proxy headers, one request. */
    private static byte[] originForm(String head, String[] line, Target t) {
        StringBuilder b = new StringBuilder(line[0]).append(' ').append(t.path()).append(' ').append(line[2])
                .append("\r\n");
        for (String h : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (!h.isEmpty() && !lower.startsWith("proxy-") && !lower.startsWith("connection:")) {
                b.append(h).append("\r\n");
            }
        }
        return b.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while (b.size() < HEAD_MAX && (c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (state == 4) {
                return b.toByteArray();
            }
        }
        return b.size() == 0 ? new byte[0] : b.toByteArray();
    }

    private static void answer(OutputStream out, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        String reason = status == 403 ? "Forbidden" : "Bad Request";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Where a request goes. */
    private record Target(String host, int port, String path) {
        static Target authority(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            try {
                String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
                return new Target(host, Integer.parseInt(hostPort.substring(colon + 1)), null);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        static Target uri(String target) {
            try {
                URI u = URI.create(target);
                if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                    return null;
                }
                String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                return new Target(u.getHost(), u.getPort() < 0 ? 80 : u.getPort(), path);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        acceptor.interrupt();
    }
}
