package dev.voxloop.core.audio;

import java.util.Objects;

/**
 * Audio exactly as a client sent it: the bytes, the file name it gave (may be null) and the declared
 * content type (may be null). Decoding into samples is the speech module's job.
 */
public record AudioUpload(byte[] bytes, String filename, String contentType) {

    public AudioUpload {
        Objects.requireNonNull(bytes, "bytes");
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public int size() {
        return bytes.length;
    }

    public String displayName() {
        return filename == null || filename.isBlank() ? "audio" : filename;
    }
}
