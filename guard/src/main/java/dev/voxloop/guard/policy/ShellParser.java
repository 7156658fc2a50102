package dev.voxloop.guard.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small POSIX-shell reader, enough to see what a command line will run: quoting, escapes, pipes,
 * {@code && || ; &}, subshells, redirections (incl. {@code 2>&1}, {@code &>}), here-documents and here-strings,
 * {@code $(...)}, backticks and {@code <(...)} (their inner commands are parsed too), {@code bash -c} and
 * {@code eval} strings, leading assignments and wrappers ({@code env}, {@code timeout}, {@code nohup}, ...).
 * It never throws: unbalanced input is read as far as it goes (the policy then judges what it saw).
 *
 * <p>It stays one class although it is long: it is a single-pass reader whose states (the position, the command
 * being built, pending here-documents, nesting depth) are shared by every construct, and splitting the constructs
 * across classes would pass that state around without making any one of them easier to follow. Each construct
 * has its own method, in the order a shell reads them.
 */
public final class ShellParser {

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "!", "{", "}", "time", "in", "esac", "function");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh");
    private static final int MAX_DEPTH = 8;

    private final String s;
    private final int depth;
    private final List<Builder> built = new ArrayList<>();
    private final List<Builder> nested = new ArrayList<>();
    private final List<Object[]> pendingHeredocs = new ArrayList<>();
    private int i;
    private Builder cur = new Builder();

    private ShellParser(String s, int depth) {
        this.s = s == null ? "" : s;
        this.depth = depth;
    }

    /** Every simple command the script may run, outer ones first, then those inside substitutions. */
    public static List<ShellCommand> parse(String script) {
        ShellParser p = new ShellParser(script, 0);
        p.run();
        return p.result();
    }

    private static List<Builder> parseBuilders(String script, int depth) {
        if (depth > MAX_DEPTH) {
            return List.of();
        }
        ShellParser p = new ShellParser(script, depth);
        p.run();
        List<Builder> all = new ArrayList<>(p.built);
        all.addAll(p.nested);
        return all;
    }

    private List<ShellCommand> result() {
        List<Builder> all = new ArrayList<>(built);
        all.addAll(nested);
        Map<Builder, ShellCommand> done = new IdentityHashMap<>();
        List<ShellCommand> out = new ArrayList<>();
        for (Builder b : all) {
            out.add(toRecord(b, done));
        }
        return out;
    }

    private static ShellCommand toRecord(Builder b, Map<Builder, ShellCommand> done) {
        ShellCommand existing = done.get(b);
        if (existing != null) {
            return existing;
        }
        ShellCommand from = b.pipedFrom == null ? null : toRecord(b.pipedFrom, done);
        ShellCommand c = new ShellCommand(b.words, b.redirects, from, b.stdin);
        done.put(b, c);
        return c;
    }

    private void run() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\n') {
                finish(false);
                i++;
                readHeredocBodies();
            } else if (s.startsWith("&&", i) || s.startsWith("||", i) || s.startsWith(";;", i)) {
                finish(false);
                i += 2;
            } else if (s.startsWith("|&", i)) {
                finish(true);
                i += 2;
            } else if (c == '|') {
                finish(true);
                i++;
            } else if (c == ';' || (c == '&' && !s.startsWith("&>", i)) || c == '(' || c == ')') {
                finish(false);
                i++;
            } else if (atRedirect()) {
                readRedirect();
            } else {
                String w = readWord();
                if (!w.isEmpty() || cur.words.isEmpty()) {
                    cur.words.add(w);
                }
            }
        }
        finish(false);
    }

    private boolean atRedirect() {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j >= s.length()) {
            return false;
        }
        char c = s.charAt(j);
        if (c == '>' || (c == '<' && !(j + 1 < s.length() && s.charAt(j + 1) == '('))) {
            return true;
        }
        return j == i && s.startsWith("&>", i);
    }

    private void readRedirect() {
        while (Character.isDigit(s.charAt(i))) {
            i++;
        }
        String op;
        int len;
        if (s.startsWith("&>>", i)) {
            op = ">>";
            len = 3;
        } else if (s.startsWith("&>", i)) {
            op = ">";
            len = 2;
        } else if (s.startsWith("<<<", i) || s.startsWith("<<-", i)) {
            op = s.substring(i, i + 3);
            len = 3;
        } else if (s.startsWith("<<", i) || s.startsWith(">>", i) || s.startsWith(">|", i) || s.startsWith(">&", i)
                || s.startsWith("<&", i) || s.startsWith("<>", i)) {
            op = s.substring(i, i + 2);
            len = 2;
        } else {
            op = s.substring(i, i + 1);
            len = 1;
        }
        i += len;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        String target = readWord();
        switch (op) {
            case "<<", "<<-" -> pendingHeredocs.add(new Object[]{cur, target, op.equals("<<-")});
            case "<<<" -> cur.stdin = target;
            case ">&", "<&" -> {
                if (!target.matches("-|\\d+")) {
                    cur.redirects.add(new ShellCommand.Redirect(">", target));
                }
            }
            case "<>" -> cur.redirects.add(new ShellCommand.Redirect(">", target));
            case ">|" -> cur.redirects.add(new ShellCommand.Redirect(">", target));
            default -> cur.redirects.add(new ShellCommand.Redirect(op, target));
        }
    }

    private void readHeredocBodies() {
        for (Object[] h : pendingHeredocs) {
            Builder owner = (Builder) h[0];
            String delim = (String) h[1];
            boolean stripTabs = (Boolean) h[2];
            StringBuilder body = new StringBuilder();
            while (i < s.length()) {
                int end = s.indexOf('\n', i);
                String line = end < 0 ? s.substring(i) : s.substring(i, end);
                i = end < 0 ? s.length() : end + 1;
                String cmp = stripTabs ? line.replaceFirst("^\t+", "") : line;
                if (cmp.strip().equals(delim)) {
                    break;
                }
                body.append(line).append('\n');
            }
            owner.stdin = body.toString();
        }
        pendingHeredocs.clear();
    }

    private String readWord() {
        StringBuilder w = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == ')') {
                break;
            }
            if (c == '&') {
                break;
            }
            if ((c == '<' || c == '>') && s.startsWith("(", i + 1)) {
                int end = matchParen(i + 1);
                nestedParse(s.substring(i + 2, Math.max(i + 2, end)));
                w.append(s, i, Math.min(s.length(), end + 1));
                i = Math.min(s.length(), end + 1);
                continue;
            }
            if (c == '<' || c == '>' || c == '(') {
                if (c == '(' && w.length() > 0) {
                    // e.g. arr=( a b ): keep reading as text
                    int end = matchParen(i);
                    w.append(s, i, Math.min(s.length(), end + 1));
                    i = Math.min(s.length(), end + 1);
                    continue;
                }
                break;
            }
            if (c == '\\') {
                if (i + 1 < s.length()) {
                    w.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                end = end < 0 ? s.length() : end;
                w.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(i + 1);
                        if (e == '"' || e == '\\' || e == '$' || e == '`') {
                            w.append(e);
                        } else if (e != '\n') {
                            w.append(d).append(e);
                        }
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        readDollarOrBacktick(w);
                    } else {
                        w.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '$' || c == '`') {
                readDollarOrBacktick(w);
            } else {
                w.append(c);
                i++;
            }
        }
        return w.toString();
    }

    private void readDollarOrBacktick(StringBuilder w) {
        char c = s.charAt(i);
        if (c == '`') {
            int end = i + 1;
            while (end < s.length() && s.charAt(end) != '`') {
                end += s.charAt(end) == '\\' ? 2 : 1;
            }
            end = Math.min(end, s.length());
            nestedParse(s.substring(i + 1, end).replace("\\`", "`"));
            w.append(s, i, Math.min(s.length(), end + 1));
            i = end + 1;
        } else if (s.startsWith("$((", i)) {
            int end = s.indexOf("))", i);
            end = end < 0 ? s.length() : end + 2;
            w.append(s, i, end);
            i = end;
        } else if (s.startsWith("$(", i)) {
            int end = matchParen(i + 1);
            nestedParse(s.substring(i + 2, Math.max(i + 2, Math.min(end, s.length()))));
            w.append(s, i, Math.min(s.length(), end + 1));
            i = Math.min(s.length(), end + 1);
        } else if (s.startsWith("${", i)) {
            int end = s.indexOf('}', i);
            end = end < 0 ? s.length() : end + 1;
            w.append(s, i, end);
            i = end;
        } else {
            w.append(c);
            i++;
        }
    }

    /** Index of the ')' matching the '(' at {@code open}, skipping quoted text; s.length() if unbalanced. */
    private int matchParen(int open) {
        int d = 0;
        int j = open;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\'') {
                int end = s.indexOf('\'', j + 1);
                j = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (c == '"') {
                j++;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j++;
                continue;
            }
            if (c == '(') {
                d++;
            } else if (c == ')') {
                d--;
                if (d == 0) {
                    return j;
                }
            }
            j++;
        }
        return s.length();
    }

    private void nestedParse(String inner) {
        nested.addAll(parseBuilders(inner, depth + 1));
    }

    private void finish(boolean pipe) {
        Builder b = cur;
        cur = new Builder();
        normalise(b);
        if (b.words.isEmpty() && b.redirects.isEmpty() && b.stdin == null) {
            if (!pendingHeredocs.isEmpty()) {
                pendingHeredocs.removeIf(h -> h[0] == b);
            }
            return;
        }
        built.add(b);
        if (pipe) {
            cur.pipedFrom = b;
        }
        // strings the command will itself run as shell code
        List<String> w = b.words;
        if (!w.isEmpty()) {
            String name = base(w.get(0));
            if (SHELLS.contains(name)) {
                int c = w.indexOf("-c");
                if (c < 0) {
                    for (int k = 1; k < w.size(); k++) {
                        if (w.get(k).matches("-[a-z]*c[a-z]*")) {
                            c = k;
                            break;
                        }
                    }
                }
                if (c > 0 && c + 1 < w.size()) {
                    nested.addAll(parseBuilders(w.get(c + 1), depth + 1));
                }
            } else if (name.equals("eval") && w.size() > 1) {
                nested.addAll(parseBuilders(String.join(" ", w.subList(1, w.size())), depth + 1));
            }
        }
    }

    private static String base(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }

    /** Drops keywords, leading NAME=value assignments and harmless wrappers, so words[0] is what runs. */
    private static void normalise(Builder b) {
        List<String> w = b.words;
        boolean changed = true;
        while (changed && !w.isEmpty()) {
            changed = false;
            String first = w.get(0);
            String name = base(first);
            if (KEYWORDS.contains(first) || first.isEmpty() || first.matches("[\\w.:-]+\\(\\s*\\)")) {
                w.remove(0);
                changed = true;
            } else if (first.matches("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*])?\\+?=.*")) {
                w.remove(0);
                changed = true;
            } else if (name.equals("env")) {
                w.remove(0);
                while (!w.isEmpty() && (w.get(0).startsWith("-") || w.get(0).contains("="))) {
                    String o = w.remove(0);
                    if ((o.equals("-u") || o.equals("-C") || o.equals("-S")) && !w.isEmpty()) {
                        w.remove(0);
                    }
                }
                changed = true;
            } else if (Set.of("command", "builtin", "exec", "nohup", "stdbuf", "xargs", "nice", "ionice")
                    .contains(name)) {
                w.remove(0);
                while (!w.isEmpty() && w.get(0).startsWith("-")) {
                    String o = w.remove(0);
                    if (o.matches("-[nIPLsdE]") && !w.isEmpty()) {
                        w.remove(0);
                    }
                }
                changed = true;
            } else if (name.equals("timeout")) {
                w.remove(0);
                while (!w.isEmpty() && w.get(0).startsWith("-")) {
                    String o = w.remove(0);
                    if ((o.equals("-s") || o.equals("-k")) && !w.isEmpty()) {
                        w.remove(0);
                    }
                }
                if (!w.isEmpty()) {
                    w.remove(0);
                }
                changed = true;
            }
        }
    }

    private static final class Builder {
        final List<String> words = new ArrayList<>();
        final List<ShellCommand.Redirect> redirects = new ArrayList<>();
        Builder pipedFrom;
        String stdin;
    }
}
