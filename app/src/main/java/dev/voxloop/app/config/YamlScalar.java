package dev.voxloop.app.config;

/** A one-line value written so YAML reads it back as the same string: plain when safe, else double-quoted. */
final class YamlScalar {

    private static final String SPECIAL_START = "{[&*!|>'\"%@`#,?";

    private YamlScalar() {
    }

    static String of(String value) {
        boolean plain = !value.isEmpty() && SPECIAL_START.indexOf(value.charAt(0)) < 0 && !value.contains(": ")
                && !value.contains(" #") && !value.endsWith(":") && value.strip().equals(value)
                && value.chars().noneMatch(c -> c < 0x20);
        if (plain) {
            return value;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
