package dev.voxloop.store;

import java.util.Locale;

/** The two databases the store speaks; SQL is shared except where a dialect needs its own (queue claim). */
public enum Dialect {
    H2, POSTGRES;

    /** The dialect of a JDBC URL; anything else is a configuration error naming the setting. */
    public static Dialect of(String jdbcUrl) {
        String u = jdbcUrl == null ? "" : jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException(
                "db.url: expected a jdbc:postgresql: or jdbc:h2: URL, got '" + redact(jdbcUrl) + "'");
    }

    /** The URL without its query/properties part, which may carry a password. */
    static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return cut < jdbcUrl.length() ? jdbcUrl.substring(0, cut) + "…" : jdbcUrl;
    }
}
