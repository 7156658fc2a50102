package dev.voxloop.server.stream;

import jakarta.servlet.ServletRequest;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * How a dead SSE client is noticed. The client sends nothing back, so the server learns it is gone only by writing:
 * each idle ping interval brings a comment line. A client that closed its connection makes that write fail; one that
 * stopped reading (or whose machine vanished, once the unread bytes fill the connection's buffers) makes a write
 * stall, and the connection's idle timeout, set here to two ping intervals (one more than a healthy client ever waits
 * for a byte), fails the write. Either
 * way the stream ends and its place is freed.
 */
final class SseLiveness {

    private SseLiveness() {
    }

    static void limitStall(ServletRequest request, Duration stalled) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = jetty == null || jetty.getConnectionMetaData().getConnection() == null ? null
                : jetty.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint != null) {
            endPoint.setIdleTimeout(stalled.toMillis());
        }
    }
}
