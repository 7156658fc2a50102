package dev.voxloop.server.http.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.problem.Problem;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads the multipart field {@code audio}: multipart content type (415), size limit (413), field present (400). */
final class AudioUploads {

    /** Room for the multipart boundaries and headers around the file itself. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final long maxBytes;

    AudioUploads(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    AudioUpload read(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("multipart/form-data")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "expected multipart/form-data with a field 'audio', got "
                    + (base.isEmpty() ? "no content type" : "'" + base + "'"), "audio");
        }
        if (ctx.req().getContentLengthLong() > maxBytes + ENVELOPE_BYTES) {
            throw tooLarge();
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("audio");
        } catch (Exception e) { // Jetty's multipart parser throws (sneakily) a checked ServletException
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (m.contains("size") || m.contains("exceed") || m.contains("too large") || m.contains("413")) {
                    throw tooLarge();
                }
            }
            throw Problem.invalid("audio", "malformed multipart body");
        }
        if (file == null) {
            throw Problem.invalid("audio", "multipart field 'audio' is required");
        }
        if (file.size() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = file.content()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(file.size(), maxBytes)));
            in.transferTo(out);
            return new AudioUpload(out.toByteArray(), file.filename(), file.contentType());
        } catch (IOException e) {
            throw Problem.invalid("audio", "could not read the uploaded audio");
        }
    }

    private Problem tooLarge() {
        return new Problem(Problem.Kind.TOO_LARGE, "audio is larger than " + maxBytes + " bytes", "audio");
    }
}
