package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials in added lines: the well-known token formats of {@code secret-formats.tsv}, and values with high
 * entropy assigned to secret-looking names ({@code password}, {@code api_key}, {@code client_secret}, ...).
 * Lock files, references to the environment or a vault, UUIDs and values labelled as fake are not reported.
 * A finding never repeats the value: it names the format and shows at most its first four characters.
 */
public record Secrets(List<SecretFormat> formats) implements Rule {

    private static final Pattern ASSIGNED = Pattern.compile("(?i)(?<![A-Za-z0-9_.\\-])([A-Za-z0-9_.\\-]*(?:password|passwd|pwd|secret"
            + "|token|api[_\\-]?key|apikey|access[_\\-]?key|private[_\\-]?key|auth[_\\-]?key|credentials?"
            + "|signing[_\\-]?key|encryption[_\\-]?key)[A-Za-z0-9_\\-]*)[\"']?\\s*(?::=|=>|==|=|:)\\s*"
            + "(?:[A-Za-z]*\\()?\\s*([\"'`]?)([^\"'`\\s,;)]+)\\2");
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)pass|pwd|secret|token|key|credential");
    private static final Pattern NOT_SECRET_NAME = Pattern.compile(
            "(?i).*(url|uri|path|file|name|field|label|type|length|len|count|header|endpoint|prefix|suffix|id"
                    + "|ttl|expiry|expires|timeout|policy|hint|format|key_?env|env|var|param|regex|pattern)$");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern FAKE = Pattern.compile("(?i)fake|dummy|example|sample|placeholder|not[-_ ]?a[-_ ]?real"
            + "|redacted|changeme|change[-_]me|your[-_]|xxxx|\\*\\*\\*\\*|<[a-z_-]+>|test[-_]?only|do[-_ ]?not[-_ ]?use");
    private static final Pattern REFERENCE = Pattern.compile("^(\\$|%|\\{\\{|<|process\\.env|os\\.environ|"
            + "System\\.getenv|getenv|env\\.|config\\.|settings\\.|secrets\\.|vault:|ENC\\(|none$|null$|nil$|true$|false$)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("yml", "yaml", "properties", "env", "ini", "toml",
            "conf", "cfg", "json", "xml", "tf", "tfvars", "sh", "");

    public Secrets() {
        this(SecretFormat.builtIn());
    }

    @Override
    public Category category() {
        return Category.SECRET;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        List<Finding> out = new ArrayList<>();
        for (DiffFile f : change.files()) {
            if (f.newPath() == null || FileRoles.lockFile(f.path())) {
                continue;
            }
            boolean config = CONFIG_EXTENSIONS.contains(FileRoles.extension(f.path()))
                    || FileRoles.name(f.path()).startsWith(".env");
            for (DiffLine l : f.added()) {
                String what = known(l.text());
                if (what == null) {
                    what = assigned(l.text(), config);
                }
                if (what != null) {
                    out.add(finding(Severity.CRITICAL, f.path(), l.newLine(), what + " is added in the diff",
                            "remove it, revoke it, and read it from the environment or a secret store"));
                }
            }
        }
        return out;
    }

    private String known(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (SecretFormat format : formats) {
            if (!format.mayMatch(lower)) {
                continue;
            }
            Matcher m = format.pattern().matcher(text);
            if (m.find() && !FAKE.matcher(m.group()).find() && !labelledFake(text)) {
                return format.description() + " (" + masked(m.group()) + ")";
            }
        }
        return null;
    }

    private static String assigned(String text, boolean config) {
        if (!SECRET_WORD.matcher(text).find()) {
            return null;
        }
        Matcher m = ASSIGNED.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String value = m.group(3);
            boolean quoted = !m.group(2).isEmpty();
            if ((!quoted && !config) || NOT_SECRET_NAME.matcher(name).matches() || REFERENCE.matcher(value).find()
                    || UUID.matcher(value).find() || FAKE.matcher(value).find() || labelledFake(text)) {
                continue;
            }
            boolean password = name.toLowerCase(Locale.ROOT).matches(".*(pass|pwd).*");
            if (password ? looksLikePassword(value) : looksLikeKey(value)) {
                return "a value assigned to '" + name + "' that looks like a credential (" + masked(value) + ")";
            }
        }
        return null;
    }

    private static boolean labelledFake(String line) {
        return FAKE.matcher(line).find();
    }

    private static boolean looksLikePassword(String v) {
        int classes = (v.matches(".*[a-z].*") ? 1 : 0) + (v.matches(".*[A-Z].*") ? 1 : 0)
                + (v.matches(".*[0-9].*") ? 1 : 0) + (v.matches(".*[^A-Za-z0-9].*") ? 1 : 0);
        return v.length() >= 8 && (classes >= 3 || entropy(v) >= 3.0);
    }

    private static boolean looksLikeKey(String v) {
        return v.length() >= 16 && entropy(v) >= 3.5 && v.matches(".*[0-9].*") && !v.matches("[a-z_.]+");
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    private static String masked(String value) {
        return value.length() <= 4 ? "…" : value.substring(0, 4) + "…";
    }
}
