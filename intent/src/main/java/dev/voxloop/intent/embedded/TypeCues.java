package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence for a type when no explicit type word is said, from the labelling rules: Bug = existing behaviour
 * broken or wrong; Story = a new capability for users; Task = a technical chore; Epic = a large multi-part
 * initiative. Each cue adds weight; the embedding classifier adds its own evidence on top.
 */
final class TypeCues {

    private record Cue(IssueType type, Pattern pattern, double weight, double cap) {
    }

    /** Where an action clause starts: the text start or after punctuation, past politeness and lead-ins. */
    private static final String CLAUSE_START = "(?:^|[,.:;!?]\\s*|\\b(?:and|then|to|please|can you|could you|"
            + "we need to|we should|i want to|i'd like to|let's|we have to|someone needs to|need to|needs to)\\s+)"
            + "(?:please\\s+|just\\s+|also\\s+)?";

    private static final String ACTORS = "(?:users?|customers?|clients?|organi[sz]ers?|admins?|administrators?|owners?"
            + "|buyers?|shoppers?|staff|guests?|people|attendees?|managers?|members?|visitors?|employees?|teams?"
            + "|freelancers?|accountants?|sellers?|merchants?|hosts?|patients?|everyone|them|us|me)";

    private static final List<Cue> CUES = List.of(
            // Bug: something that exists is broken or wrong
            cue(IssueType.BUG, "\\b(?:crash\\w*|broken|breaks|broke|fails?|failing|failed|failures?|errors?|exceptions?"
                    + "|wrong|wrongly|incorrect\\w*|stuck|freez\\w*|froze|hangs?|hanging|glitch\\w*|regressions?"
                    + "|leak\\w*|corrupt\\w*|garbled|blank|unresponsive|bounces?|rejected|mismatch\\w*)\\b", 2.0, 4.0),
            cue(IssueType.BUG, "\\b(?:doesn'?t|don'?t|didn'?t|won't|wont|can'?t|cannot|isn'?t|aren'?t|wasn'?t|weren'?t|never"
                    + "|no longer|stopped|stops|nothing happens|does nothing|do nothing|did nothing|not able)\\b", 1.5, 3.0),
            cue(IssueType.BUG, "\\b(?:too (?:late|early|slow|slowly|long|many|often|much|big|small)|off by|twice"
                    + "|double[- ]?(?:charged|booked|counted|sent)|duplicat\\w+|negative|times? out|timed out"
                    + "|timeouts?|keeps? \\w+ing|instead of|disappear\\w*|vanish\\w*|lost|missing|slow|slowly"
                    + "|sluggish|laggy|overlap\\w*|out of sync|not (?:working|showing|loading|sent|saved|updating"
                    + "|shown|arriving|received|displayed|counted|applied))\\b", 1.5, 3.0),
            cue(IssueType.BUG, "\\b(?:is|are) (?:off|gone|empty|zero|null|undefined)\\b", 1.0, 1.0),
            // Story: a new capability for users
            cue(IssueType.STORY, CLAUSE_START + "(?:add|let|allow|enable|support|introduce|offer|provide|show|display"
                    + "|give|include|send|notify|remind|highlight)\\b", 2.0, 2.0),
            cue(IssueType.STORY, "\\b(?:let|lets|allow|allows|enable|enables|help|helps)\\s+(?:\\w+\\s+){0,2}?"
                    + ACTORS + "\\b", 1.5, 1.5),
            cue(IssueType.STORY, "\\b(?:should be able to|be able to|wants? to|would like|would love|would be "
                    + "(?:nice|great|good|useful|helpful)|it'd be (?:nice|great)|wish|can we (?:have|get)|"
                    + "could we (?:have|get)|so (?:that )?(?:they|users?|customers?|people|buyers?|we) can)\\b", 2.0, 3.0),
            cue(IssueType.STORY, "\\b(?:option|options|setting|settings|button|ability|support for|export|import"
                    + "|filter|dashboard|notifications?|reminders?|shortcuts?|dark mode|wishlist|search by"
                    + "|sign[- ]?in with|login with|mode)\\b", 0.5, 1.0),
            cue(IssueType.STORY, "\\bshould\\b", 1.0, 1.0),
            // Task: a technical chore
            cue(IssueType.TASK, CLAUSE_START + "(?:upgrade|update|bump|migrate|move|rotate|renew|clean ?up|cleanup"
                    + "|tidy|configure|set ?up|install|uninstall|document|refactor|rename|remove|delete|drop|deprecate"
                    + "|archive|back ?up|backup|reindex|rebuild|replace|switch|pin|automate|provision|deploy|patch"
                    + "|audit|benchmark|tune|purge|prune|split|extract|consolidate|enable|disable|write docs"
                    + "|write documentation|write a (?:readme|runbook|guide))\\b", 2.5, 2.5),
            cue(IssueType.TASK, "\\b(?:upgrade|migrat\\w+|rotat\\w+|refactor\\w*|clean ?up|cleanup|configur\\w+"
                    + "|document\\w*|renam\\w+|deprecat\\w+|rename)\\b", 0.8, 1.6),
            cue(IssueType.TASK, "\\b(?:dependenc\\w+|librar\\w+|versions?|database|postgres\\w*|sqlite|mysql|redis"
                    + "|server|servers|certificates?|ssl|tls|api keys?|credentials|secrets?|tokens?|config\\w*|logs"
                    + "|log files?|ci|pipelines?|monitoring|alerts?|alerting|backups?|docker\\w*|kubernetes|k8s"
                    + "|staging|cron\\w*|index\\w*|schema|tests?|linter|lint|readme|docs|documentation|wiki|runbook"
                    + "|infrastructure|terraform|java|node|python|framework|sdk)\\b", 0.5, 1.0),
            // Epic: a large multi-part initiative
            cue(IssueType.EPIC, "\\b(?:initiative|programme|program of work|roadmap|overhaul|rewrite|revamp"
                    + "|across the (?:whole|entire)|(?:whole|entire) (?:\\w+ )?(?:platform|product|system|app|site)"
                    + "|completely new|brand new|new (?:\\w+ )?(?:app|application|product|module|platform|service"
                    + "|system|portal|marketplace|programs?|programmes?)|multi-\\w+|end[- ]to[- ]end|suite of)\\b",
                    2.5, 5.0),
            cue(IssueType.EPIC, "\\bbuild (?:a |an |the )?(?:new|whole|complete|full)\\b", 1.5, 1.5));

    private TypeCues() {
    }

    private static Cue cue(IssueType type, String regex, double weight, double cap) {
        return new Cue(type, Pattern.compile(regex), weight, cap);
    }

    static Map<IssueType, Double> score(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        Map<IssueType, Double> scores = new EnumMap<>(IssueType.class);
        for (Cue c : CUES) {
            Matcher m = c.pattern.matcher(t);
            double s = 0;
            while (m.find() && s < c.cap) {
                s += c.weight;
            }
            if (s > 0) {
                scores.merge(c.type, Math.min(s, c.cap), Double::sum);
            }
        }
        return scores;
    }
}
