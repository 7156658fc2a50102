package dev.voxloop.forge.hosting;

import dev.voxloop.core.problem.Redacted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.http.server.GitSmartHttpTools;
import org.eclipse.jgit.http.server.ReceivePackErrorHandler;
import org.eclipse.jgit.http.server.UploadPackErrorHandler;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed fetch or push is answered: a request that is not git's protocol (garbage, a truncated body, a
 * malformed packet line) is the client's fault, 400, where JGit's own handlers say 500 and log the bytes they
 * choked on; anything else stays a 500 and is logged by class and stack frames only (a message may quote the
 * request). A refusal JGit decided on ({@link ServiceMayNotContinueException}) keeps its own status.
 */
final class GitRequestErrors implements UploadPackErrorHandler, ReceivePackErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GitRequestErrors.class);

    @Override
    public void upload(HttpServletRequest req, HttpServletResponse rsp, UploadPackRunnable r) throws IOException {
        try {
            r.upload();
        } catch (ServiceMayNotContinueException e) {
            refused(req, rsp, e);
        } catch (Throwable e) {
            failed(req, rsp, e, "fetch");
        }
    }

    @Override
    public void receive(HttpServletRequest req, HttpServletResponse rsp, ReceivePackRunnable r) throws IOException {
        try {
            r.receive();
        } catch (ServiceMayNotContinueException e) {
            refused(req, rsp, e);
        } catch (Throwable e) {
            failed(req, rsp, e, "push");
        }
    }

    private static void refused(HttpServletRequest req, HttpServletResponse rsp, ServiceMayNotContinueException e)
            throws IOException {
        if (!e.isOutput() && !rsp.isCommitted()) {
            rsp.reset();
            GitSmartHttpTools.sendError(req, rsp, e.getStatusCode(), e.getMessage());
        }
    }

    private static void failed(HttpServletRequest req, HttpServletResponse rsp, Throwable e, String what)
            throws IOException {
        boolean malformed = malformed(e);
        if (!malformed) {
            LOG.error("{} on {} failed", what, req.getRequestURI(), Redacted.of(e));
        }
        if (!rsp.isCommitted()) {
            rsp.reset();
            GitSmartHttpTools.sendError(req, rsp, malformed ? 400 : 500, malformed
                    ? "this is not a valid git " + what + " request" : null);
        }
    }

    /** The request broke git's wire protocol (JGit says so with these, its packet reader with a plain IOException). */
    static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PackProtocolException || t instanceof EOFException
                    || t instanceof IOException && t.getMessage() != null
                    && t.getMessage().startsWith("Invalid packet line header")) {
                return true;
            }
        }
        return false;
    }
}
