package dev.voxloop.app.init;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Asks the person one question at a time with the proposed answer in brackets; an empty line takes the proposal.
 * With {@code --yes} (no reader) every proposal is taken without asking.
 */
public final class Prompter {

    private final BufferedReader in;
    private final PrintStream out;

    /** @param in where answers come from, or null to take every proposal */
    public Prompter(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    public boolean asks() {
        return in != null;
    }

    /** The answer, or {@code proposal} when the person just presses Enter (or nobody is asked). */
    public String ask(String question, String proposal) {
        if (in == null) {
            return proposal;
        }
        out.print(question + (proposal == null || proposal.isEmpty() ? ": " : " [" + proposal + "]: "));
        out.flush();
        try {
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return proposal;
            }
            String answer = line.strip();
            return answer.equals("-") ? null : answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean confirm(String question, boolean proposal) {
        String a = ask(question + " (y/n)", proposal ? "y" : "n");
        return a != null && a.toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
