package dev.voxloop.app.say;

import java.io.IOException;
import java.nio.file.Path;

/** The intake as {@code voxloop say} drives it: in this process, or through a running server's API. */
public interface IntakeClient {

    SayStep submitText(String text) throws IOException;

    SayStep submitAudio(Path file) throws IOException;

    SayStep clarify(String sessionId, String answer) throws IOException;

    /** The words as heard ({@code corrected} null) or as the person corrected them. */
    SayStep confirm(String sessionId, String corrected) throws IOException;

    /** Go on with the words as heard without the person checking them ({@code --yes}). */
    SayStep proceedUnchecked(String sessionId) throws IOException;

    SayStep approve(String sessionId) throws IOException;

    SayStep discard(String sessionId) throws IOException;

    /** Where the intake runs, for the person ("server at http://…" or "this process"). */
    String where();
}
