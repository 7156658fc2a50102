package dev.voxloop.speech.engine.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Entry point of the whisper child JVM. whisper.cpp aborts the whole process on some bad inputs, so it runs
 * here and not in the server. Protocol on stdin/stdout (binary, big-endian, see {@link WhisperProcess}):
 * after loading it writes the line-free marker {@link #READY}; each request is {@code int n, float[n] samples
 * (16 kHz mono), UTF language, UTF prompt}; each reply is {@code UTF "ok", UTF text, int segments,
 * (long t0, long t1, UTF text)*} in centiseconds, or {@code UTF "error", UTF message}.
 */
public final class WhisperWorker {

    static final int READY = 0x57485350; // "WHSP"
    static final int EXIT_BAD_MODEL = 3;
    static final int EXIT_NO_LIBRARY = 4;

    private WhisperWorker() {
    }

    public static void main(String[] args) throws IOException {
        // stdout carries the protocol: everything else goes to stderr
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        System.setOut(System.err);
        Path model = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        WhisperJNI whisper;
        WhisperContext ctx;
        try {
            WhisperJNI.loadLibrary();
            whisper = new WhisperJNI();
        } catch (IOException | LinkageError e) {
            System.err.println("whisper native library could not be loaded: " + e);
            System.exit(EXIT_NO_LIBRARY);
            return;
        }
        try {
            ctx = whisper.init(model);
        } catch (IOException e) {
            ctx = null; // reported just below as an unusable model, with its own exit code
        }
        if (ctx == null) {
            System.err.println("not a usable whisper model: " + model);
            System.exit(EXIT_BAD_MODEL);
            return;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(protocol));
        out.writeInt(READY);
        out.flush();
        while (true) {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                // the parent closed our input: it is done with us, so free the model and end
                whisper.free(ctx);
                return;
            }
            float[] samples = new float[n];
            for (int i = 0; i < n; i++) {
                samples[i] = in.readFloat();
            }
            String language = in.readUTF();
            String prompt = in.readUTF();
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.nThreads = threads;
            params.language = language.isEmpty() ? null : language;
            params.initialPrompt = prompt.isEmpty() ? null : prompt;
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            int rc = whisper.full(ctx, params, samples, n);
            if (rc != 0) {
                out.writeUTF("error");
                out.writeUTF("whisper.cpp returned " + rc);
                out.flush();
                continue;
            }
            int segments = whisper.fullNSegments(ctx);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < segments; i++) {
                text.append(whisper.fullGetSegmentText(ctx, i));
            }
            out.writeUTF("ok");
            out.writeUTF(text.toString().strip());
            out.writeInt(segments);
            for (int i = 0; i < segments; i++) {
                out.writeLong(whisper.fullGetSegmentTimestamp0(ctx, i));
                out.writeLong(whisper.fullGetSegmentTimestamp1(ctx, i));
                out.writeUTF(whisper.fullGetSegmentText(ctx, i).strip());
            }
            out.flush();
        }
    }
}
