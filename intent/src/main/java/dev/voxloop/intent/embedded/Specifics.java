package dev.voxloop.intent.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specifics a person said, as they said them: amounts and times ("within ten seconds", "over 500 euros",
 * "version sixteen"), who it is for ("for Norwegian companies"), where ("on Safari", "on the free plan") and names
 * ("Klarna"). Acceptance criteria are written around them; boilerplate is only for requests without any.
 *
 * @param settings who and where: "on Safari", "for Norwegian companies" (each as said, with its preposition)
 * @param amounts  numbers with what they count or measure, as said
 * @param names    capitalised names other than the project's
 */
record Specifics(List<String> settings, List<String> amounts, List<String> names) {

    private static final String NUMBER = "(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|a hundred|a thousand|thousand"
            + "|half an?|a few|several)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))*";
    private static final String UNIT = "(?:%|percent|per cent|milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?"
            + "|days?|weeks?|months?|years?|euros?|eur|kronor|kr|crowns|dollars?|usd|items?|orders?|tickets?|users?"
            + "|times?|pages?|rows?|lines?|clicks?|steps?|attempts?|mb|gb|kb|characters?|digits?|people|guests|seats?)";
    private static final Pattern AMOUNT = Pattern.compile("(?i)\\b(?:(?:within|in under|under|in less than|less than"
            + "|more than|at least|at most|no more than|up to|over|above|below|after|before|every|each|exactly|in)\\s+)?"
            + NUMBER + "\\s*" + UNIT + "(?![\\w-])|\\bversion\\s+[\\w.]+|(?<![\\w.])\\d+(?:[.,]\\d+)?(?![\\w.])");
    private static final Pattern SETTING = Pattern.compile("(?i)\\b(?:on\\s+(?:the\\s+)?(?:safari|chrome|firefox|edge"
            + "|ios|android|iphones?|ipads?|mobile(?: phones?)?|phones?|tablets?|windows|macs?|macos|linux|small screens?"
            + "|[\\w-]+ plan)|for\\s+(?:all\\s+|every\\s+|each\\s+|our\\s+)?(?:[\\w-]+\\s+){0,2}?(?:companies|company"
            + "|customers|users|admins|administrators|accounts|shops|salons|clinics|organi[sz]ers|staff|members"
            + "|clients|teams|buyers|guests|attendees|stores|venues|stylists|employees|managers|owners|businesses"
            + "|students|drivers|partners|sellers|shoppers|visitors|subscribers))\\b");
    private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)(?<=\\s)[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)*");

    static Specifics in(String text, List<String> projectWords) {
        // "for users" alone says nothing about which users; "for admins", "for Norwegian companies" do
        List<String> settings = found(SETTING, text).stream()
                .filter(st -> !st.matches("(?i)for (?:all |every |each |our )?(?:users|customers|people|clients)")).toList();
        List<String> amounts = found(AMOUNT, text).stream().filter(a -> !a.matches("(?i)(a|an|one)")).toList();
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String n = m.group();
            boolean project = projectWords.stream().anyMatch(p -> p.equalsIgnoreCase(n));
            boolean inSetting = settings.stream().anyMatch(s -> s.contains(n));
            if (!project && !inSetting && !n.equals("I") && !Words.STOP.contains(n.toLowerCase(Locale.ROOT))) {
                names.add(n);
            }
        }
        return new Specifics(settings, amounts, List.copyOf(names));
    }

    boolean none() {
        return settings.isEmpty() && amounts.isEmpty() && names.isEmpty();
    }

    /** Everything specific, in the order: settings, amounts, names. */
    List<String> all() {
        List<String> out = new ArrayList<>(settings);
        out.addAll(amounts);
        out.addAll(names);
        return out;
    }

    private static List<String> found(Pattern p, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group().strip());
        }
        return List.copyOf(out);
    }
}
