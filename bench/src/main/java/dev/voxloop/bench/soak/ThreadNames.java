package dev.voxloop.bench.soak;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's threads by name, numbers folded ({@code voxloop-http-12} counts as {@code voxloop-http-N}), read
 * with {@code jcmd PID Thread.print}: a difference in the thread count between two moments is told apart by name.
 * Empty when jcmd cannot attach (another user's JVM, a JRE without jcmd).
 */
record ThreadNames(Map<String, Integer> counts) {

    private static final Pattern NAME = Pattern.compile("(?m)^\"([^\"]*)\"");

    static ThreadNames of(long pid) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Exit exit;
        try {
            exit = Command.of(jcmd.toString(), Long.toString(pid), "Thread.print").discardErrors()
                    .timeout(Duration.ofSeconds(30)).run();
        } catch (Command.NotStarted e) {
            return new ThreadNames(Map.of());
        }
        if (!exit.ok()) {
            return new ThreadNames(Map.of());
        }
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = NAME.matcher(exit.output());
        while (m.find()) {
            counts.merge(m.group(1).replaceAll("[0-9]+", "N"), 1, Integer::sum);
        }
        return new ThreadNames(counts);
    }

    /** "name: before -> now" for every name whose count differs, in name order. */
    List<String> changedSince(ThreadNames before) {
        TreeSet<String> names = new TreeSet<>(before.counts.keySet());
        names.addAll(counts.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            int was = before.counts.getOrDefault(name, 0);
            int now = counts.getOrDefault(name, 0);
            if (was != now) {
                changed.add(name + ": " + was + " -> " + now);
            }
        }
        return changed;
    }
}
