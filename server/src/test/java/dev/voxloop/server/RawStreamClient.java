package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stream client on a bare socket, from a chosen loopback address: it sends one request, reads the response head
 * and then does whatever the test makes it do (nothing, usually: a client that stopped reading or answering).
 */
final class RawStreamClient {

    private RawStreamClient() {
    }

    /**
     * Connects from {@code from}, sends {@code requestLine}, a {@code Host} header and {@code headers} (each line
     * ending in CRLF), reads the response head and checks it starts with {@code status}.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's
     */
    static Socket open(TestServer s, String from, int receiveBuffer, String requestLine, String headers,
                       String status) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", s.server.port()), 5_000);
        socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1:" + s.server.port() + "\r\n" + headers
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith(status);
        return socket;
    }
}
