package dev.voxloop.app.cli;

import java.io.Console;

/** Whether a person is at the keyboard: standard input and output are a terminal, not a pipe or a file. */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() says whether it is one
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only returned for a terminal
        }
    }
}
