package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the sentences the offline engine's language model is trained on: ticket-like requests from
 * templates (bug reports, stories, tasks, epics, with priorities, platforms, deadlines) plus sentences that
 * use the tracker's live vocabulary (project names and keys, component words). Deterministic for a seed.
 * The benchmark's held-out sentences are never emitted.
 */
public final class DomainCorpus {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

    private static final Map<String, List<String>> SLOTS = Map.ofEntries(
            Map.entry("type", List.of("bug", "story", "task", "epic", "feature", "improvement", "ticket", "issue",
                    "spike", "chore", "user story", "feature request", "bug report", "sub task")),
            Map.entry("an_type", List.of("epic", "issue", "improvement", "item")),
            Map.entry("priority", List.of("high", "medium", "low", "critical", "urgent", "normal", "highest",
                    "lowest", "major", "minor", "top", "blocker")),
            Map.entry("thing", List.of("login page", "checkout button", "settings page", "search results",
                    "dashboard", "profile page", "signup form", "signup page", "navigation bar", "admin panel",
                    "billing system", "payment form", "payment service", "email notifications", "password reset",
                    "user menu", "reports page", "api", "rest api", "database", "database server",
                    "deployment pipeline", "build", "build server", "integration tests", "unit tests",
                    "log files", "mobile app", "home page", "landing page", "shopping cart", "cart",
                    "order history", "invoice page", "sidebar", "side menu", "footer", "header", "modal",
                    "dropdown", "date picker", "file upload", "image upload", "upload button", "download link",
                    "export button", "search bar", "search box", "filter panel", "notification center",
                    "chat widget", "calendar", "user list", "team page", "account settings", "profile picture",
                    "avatar", "onboarding flow", "welcome email", "invoice email", "audit log", "activity feed",
                    "comment section", "issues page", "project board", "kanban board", "release notes",
                    "error page", "status page", "health check", "cache", "session", "token", "api key",
                    "api keys", "web hook", "webhook", "background job", "cron job", "queue", "message queue",
                    "load balancer", "docker image", "container", "kubernetes cluster", "staging environment",
                    "production server", "test suite", "ci pipeline", "nightly build", "backup job",
                    "analytics page", "charts", "graphs", "table", "data grid", "pagination", "tooltip",
                    "password field", "email field", "phone number field", "address form", "language switcher",
                    "dark mode", "light theme", "print view", "pdf export", "csv export", "spreadsheet import",
                    "two factor login", "single sign on", "oauth login", "logout button", "refund flow",
                    "subscription page", "pricing page", "coupon code", "discount field", "tax calculation",
                    "shipping form", "tracking page", "map view", "video player", "audio player", "help center",
                    "documentation", "readme", "changelog", "config file", "settings file", "feature flag",
                    "permissions", "user roles", "access control", "rate limiter", "search index",
                    "recommendation list", "newsletter signup", "contact form", "feedback form", "survey",
                    "report generator", "scheduler", "timeline", "inbox", "messages", "attachments",
                    "thumbnail", "gallery", "progress bar", "loading spinner", "toast message", "banner",
                    "cookie banner", "privacy settings", "terms page", "install script", "migration script")),
            Map.entry("platform", List.of("safari", "chrome", "firefox", "edge", "mobile devices", "mobile",
                    "android", "iphone", "ipad", "tablets", "windows", "mac", "linux", "small screens",
                    "large screens", "slow networks", "older browsers", "the desktop app", "the web app",
                    "the staging server", "production", "staging", "internet explorer", "ios")),
            Map.entry("symptom", List.of("crashes", "crashing", "freezes", "hangs", "is broken", "breaks",
                    "fails", "is failing", "keeps failing", "does not load", "does not work", "does not respond",
                    "stops working", "loads very slowly", "is very slow", "is too slow", "times out",
                    "shows an error", "shows a blank screen", "shows the wrong data", "shows the wrong total",
                    "returns an error", "returns a server error", "throws an exception", "is not visible",
                    "disappears", "flickers", "overlaps the content", "looks broken", "is misaligned",
                    "is cut off", "is not saved", "loses data", "shows duplicate entries", "logs users out",
                    "sends the wrong email", "uses too much memory", "leaks memory", "is stuck",
                    "never finishes", "never arrives", "is empty", "is missing", "is out of date",
                    "does not update", "jumps around", "scrolls to the top", "opens twice",
                    "sends two requests", "ignores the filter", "accepts invalid input", "rejects valid input",
                    "is sent twice", "are sent twice", "is sent to every user", "are not sent", "arrives late",
                    "is shown twice", "shows up twice", "is wrong", "are wrong", "is not working",
                    "gets stuck", "goes blank", "does not close", "cannot be opened", "cannot be saved",
                    "redirects to the wrong page", "fails silently", "fails for some users")),
            Map.entry("when", List.of("when filtering by date", "when sorting by name", "when the user logs in",
                    "when users log in", "when switching accounts", "when switching tabs", "after a refund",
                    "after the last release", "after the update", "after an upgrade", "on the first visit",
                    "when the network is slow", "when the list is empty", "when uploading large files",
                    "when uploading images", "when running integration tests", "when running the tests",
                    "during checkout", "during deployment", "during the nightly build", "at midnight",
                    "after ten minutes", "when the session expires", "when the token expires",
                    "when two users edit the same item", "when the browser window is resized",
                    "when the page is refreshed", "when the user clicks save", "when you click the button",
                    "on the second page", "for new users", "for some users", "for all users",
                    "for admin users", "for guest users", "in dark mode", "in the mobile view",
                    "with a long name", "with special characters", "with an empty phone number",
                    "with more than a hundred items", "when the bank times out", "when the server restarts")),
            Map.entry("verb", List.of("export", "import", "download", "upload", "share", "edit", "delete",
                    "archive", "restore", "search", "filter", "sort", "print", "copy", "rename", "move",
                    "invite", "remove", "approve", "reject", "schedule", "cancel", "pause", "resume", "tag",
                    "assign", "track", "compare", "preview", "reorder", "duplicate", "merge", "split", "pin",
                    "bookmark", "subscribe to", "unsubscribe from", "comment on", "reply to", "mention",
                    "see", "view", "change", "update", "reset", "verify", "confirm", "manage", "customize",
                    "configure", "connect", "disconnect", "sync", "undo")),
            Map.entry("object", List.of("reports", "their reports", "their profile", "their password",
                    "their email address", "their settings", "files", "csv files", "pdf files", "images",
                    "large images", "photos", "videos", "invoices", "orders", "comments", "tickets",
                    "closed tickets", "open tickets", "issues", "tasks", "projects", "team members",
                    "new team members", "users", "accounts", "notifications", "messages", "dashboards",
                    "charts", "filters", "saved searches", "favorites", "payments", "subscriptions",
                    "api keys", "access tokens", "logs", "backups", "documents", "attachments", "labels",
                    "tags", "events", "meetings", "contacts", "customers", "products", "prices", "the data",
                    "their data", "the results", "search results", "old records", "draft posts", "the cart", "a user",
                    "a file", "a report", "a ticket", "an email", "an invoice", "each item", "every item",
                    "their account", "their orders", "the list", "a comment", "a project")),
            Map.entry("users", List.of("users", "customers", "admins", "administrators", "managers",
                    "developers", "guests", "new users", "team members", "editors", "support agents",
                    "the sales team", "everyone", "people")),
            Map.entry("deadline", List.of("before friday", "before monday", "by friday", "by the end of the week",
                    "by next week", "this week", "this sprint", "next sprint", "before the release",
                    "before the demo", "before the audit", "by tomorrow", "today", "as soon as possible",
                    "before the end of the month", "in the next release", "before the launch")),
            Map.entry("chore", List.of("upgrade the database server", "clean up old log files",
                    "rotate the api keys", "update the dependencies", "upgrade java", "upgrade node",
                    "migrate the database", "add monitoring", "add logging", "add more tests",
                    "write unit tests", "write integration tests", "improve the documentation",
                    "refactor the payment service", "refactor the login code", "remove dead code",
                    "fix the flaky tests", "speed up the build", "set up the staging environment",
                    "renew the ssl certificate", "back up the database", "archive old projects",
                    "review the permissions", "add retry logic", "add a health check", "add caching",
                    "reduce memory usage", "improve performance", "add an index to the orders table",
                    "clean up the feature flags", "update the readme", "translate the app",
                    "move the images to cloud storage", "split the service", "add rate limiting",
                    "set up alerts", "delete unused branches", "update the privacy policy")),
            Map.entry("feature", List.of("a dark mode option", "a search bar", "a filter", "an export button",
                    "a date filter", "a sort option", "a language switcher", "a help button",
                    "a settings page", "a confirmation dialog", "a progress bar", "a loading spinner",
                    "an undo button", "a share button", "keyboard shortcuts", "two factor authentication",
                    "email notifications", "push notifications", "a weekly report", "a daily summary",
                    "a csv export", "a pdf export", "a print button", "an audit log", "a status page",
                    "a retry button", "pagination", "infinite scroll", "a tooltip", "a welcome email",
                    "a password strength meter", "a captcha", "single sign on", "a dashboard widget")),
            Map.entry("place", List.of("the settings page", "the profile page", "the dashboard",
                    "the login page", "the checkout page", "the issues page", "the admin panel", "the header",
                    "the sidebar", "the user menu", "the reports page", "the home page", "the mobile app",
                    "the api", "the search results", "the order history", "the project board",
                    "every page", "the footer", "the toolbar")),
            Map.entry("number", List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "a hundred",
                    "a thousand", "zero")),
            Map.entry("unit", List.of("seconds", "minutes", "hours", "days", "times", "pixels", "percent",
                    "megabytes", "items", "users", "requests")));

    private static final List<String> TEMPLATES = List.of(
            "create a {type} for the {thing} {symptom} on {platform}",
            "create a {type} ticket for the {thing} {symptom} on {platform} with {priority} priority",
            "create a {priority} priority {type} the {thing} {symptom}",
            "create a {priority} priority {type} to {chore}",
            "create a {type} to {chore} {deadline}",
            "create a {type} to {chore}",
            "create a new {type} for the {thing}",
            "add a {type} to let {users} {verb} {object}",
            "add a {type} so {users} can {verb} {object}",
            "add a {priority} priority {type} the {thing} {symptom} {when}",
            "add {feature} to {place}",
            "add {feature} to {place} with {priority} priority",
            "add a {type} for {feature} on {place}",
            "open an {an_type} for the {thing} with {priority} priority",
            "open an {an_type} for the new {thing}",
            "open a {type} for the {thing}",
            "file a bug the {thing} {symptom} {when}",
            "file a {priority} priority bug for the {thing}",
            "log a bug the {thing} {symptom} on {platform}",
            "report a bug in the {thing}",
            "the {thing} {symptom}",
            "the {thing} {symptom} {when}",
            "the {thing} {symptom} on {platform}",
            "the {thing} {symptom} on {platform} please fix it",
            "the {thing} {symptom} please fix it {deadline}",
            "the {thing} {symptom} {when} on {platform}",
            "{users} cannot {verb} {object}",
            "{users} cannot {verb} {object} {when}",
            "{users} cannot {verb} {object} on {platform}",
            "{users} are not able to {verb} {object}",
            "{users} want to {verb} {object}",
            "{users} should be able to {verb} {object}",
            "{users} need a way to {verb} {object}",
            "as a user i want to {verb} {object}",
            "as an admin i want to {verb} {object}",
            "let {users} {verb} {object} from {place}",
            "allow {users} to {verb} {object}",
            "make it possible to {verb} {object} on {platform}",
            "we need a {type} to {chore}",
            "we need to {chore} {deadline}",
            "please {chore} {deadline}",
            "please {chore}",
            "please add {feature} to {place}",
            "please fix the {thing} on {platform}",
            "please look at the {thing} it {symptom}",
            "there is a bug in the {thing} it {symptom} {when}",
            "there is a problem with the {thing} on {platform}",
            "the {thing} takes {number} {unit} to load",
            "the {thing} {symptom} after {number} {unit}",
            "the {thing} shows {number} {unit} instead of {number}",
            "set the priority to {priority}",
            "make it a {priority} priority {type}",
            "change the priority of the {thing} {type} to {priority}",
            "assign the {type} to the {thing} team",
            "this is a {priority} priority {type} for the {thing}",
            "it should be done {deadline}",
            "the {thing} should {verb} {object}",
            "the {thing} should not {verb} {object}",
            "update the {thing} to show {object}",
            "move {feature} to {place}",
            "remove the {thing} from {place}",
            "the {thing} and the {thing} {symptom} {when}",
            "{thing} {symptom} on {platform} {when}",
            "the {thing} {symptom} for every user",
            "each {thing} {symptom}",
            "every time the {thing} {symptom} {users} {verb} {object}",
            "when {users} {verb} {object} the {thing} {symptom}",
            "{users} get {object} twice",
            "{users} say the {thing} {symptom}",
            "customers report that the {thing} {symptom}",
            "since the last release the {thing} {symptom}",
            "it happens {when}",
            "it only happens on {platform}",
            "the {thing} for {users} {symptom}",
            "when i go to {place} the {thing} {symptom}",
            "when users go back to {place} the {thing} {symptom}",
            "let {users} go forward and back between {object}",
            "allow {users} to forward {object} to the {thing}",
            "go to {place} and click the {thing}");

    private final List<String> projectWords;
    private final Set<String> heldOut;

    /**
     * @param trackerVocabulary project names and keys, component words from the tracker (any case; split on
     *                          non-letters)
     */
    public DomainCorpus(List<String> trackerVocabulary) {
        this.projectWords = new ArrayList<>(new LinkedHashSet<>(words(String.join(" ", trackerVocabulary))));
        this.heldOut = heldOutSentences();
    }

    /** The held-out benchmark sentences, normalised (lower case, single spaces). */
    public static Set<String> heldOutSentences() {
        try (InputStream in = DomainCorpus.class.getResourceAsStream("held-out-sentences.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> out = new LinkedHashSet<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(normalise(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String normalise(String s) {
        return String.join(" ", words(s));
    }

    /** Lower-case words, apostrophes kept, everything else a separator. */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** About {@code size} distinct sentences, deterministic for the seed. */
    public List<String> sentences(int size, long seed) {
        Random random = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        // every slot value at least once, so the whole vocabulary is in the model
        SLOTS.forEach((slot, values) -> {
            for (String v : values) {
                add(out, v);
            }
        });
        for (String w : projectWords) {
            add(out, w);
        }
        int attempts = 0;
        while (out.size() < size && attempts++ < size * 5) {
            String template = TEMPLATES.get(attempts % TEMPLATES.size());
            add(out, expand(template, random));
        }
        addTrackerSentences(out, random);
        return new ArrayList<>(out);
    }

    private void addTrackerSentences(Set<String> out, Random random) {
        List<String> frames = List.of("create a {type} in the %s project", "add a {type} to %s",
                "the %s {thing} {symptom}", "file a bug in %s the {thing} {symptom}",
                "open a {priority} priority {type} for %s", "%s {symptom} on {platform}",
                "assign it to the %s project", "the %s team needs {feature}");
        for (String word : projectWords) {
            for (String frame : frames) {
                for (int i = 0; i < 2; i++) {
                    add(out, expand(String.format(Locale.ROOT, frame, word), random));
                }
            }
        }
    }

    private void add(Set<String> out, String sentence) {
        String n = normalise(sentence);
        if (!n.isEmpty() && !heldOut.contains(n)) {
            out.add(n);
        }
    }

    private static String expand(String template, Random random) {
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> values = SLOTS.get(m.group(1));
            String v = values == null ? m.group() : values.get(random.nextInt(values.size()));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
