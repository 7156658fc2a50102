package dev.voxloop.guard.policy;

import java.util.List;

/**
 * One simple command as the shell would run it: its words (quotes removed, substitutions kept as their raw
 * text), its redirections, the commands it is piped into, and any here-document fed to it.
 *
 * @param words      argv, after quote removal
 * @param redirects  output and input redirections in order
 * @param pipedTo    index in the same pipeline of the next command, or -1
 * @param pipedFrom  the command feeding this one through a pipe, or null
 * @param stdinText  the here-document or here-string body, or null
 */
public record ShellCommand(List<String> words, List<Redirect> redirects, ShellCommand pipedFrom, String stdinText) {

    public ShellCommand {
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
    }

    /** A redirection: {@code op} is one of {@code > >> < &> >| <<<}. */
    public record Redirect(String op, String target) {
        public boolean writes() {
            return op.contains(">");
        }
    }

    public String name() {
        return words.isEmpty() ? "" : words.get(0);
    }

    public List<String> args() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }
}
