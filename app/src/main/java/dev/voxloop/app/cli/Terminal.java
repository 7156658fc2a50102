package dev.voxloop.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The person at the keyboard, when there is one: a prompt on the output and one line back. */
interface Terminal {

    /** Whether someone can answer (a console is attached). */
    boolean present();

    /** Prints {@code prompt} and reads one line; null at the end of input or when nobody can answer. */
    String ask(String prompt);

    /** The process's console, when it has one (stdin and stdout are a terminal). */
    static Terminal system(PrintStream out) {
        boolean present = interactive();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Terminal() {
            @Override
            public boolean present() {
                return present;
            }

            @Override
            public String ask(String prompt) {
                if (!present) {
                    return null;
                }
                out.print(prompt);
                out.flush();
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Standard input and output are a terminal, not a pipe or a file. */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() says whether it is one
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only returned for a terminal
        }
    }
}
