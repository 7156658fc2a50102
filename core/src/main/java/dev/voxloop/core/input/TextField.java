package dev.voxloop.core.input;

import dev.voxloop.core.problem.Problem;

/**
 * The rule for one text field of a request, checked before the value goes anywhere near storage: no control
 * characters (NUL included; line breaks and tabs only where {@code multiline}), no unpaired surrogates (they
 * cannot be stored as UTF-8), something visible when required (whitespace, no-break spaces, zero-width characters
 * and byte-order marks alone are empty), and at most {@code maxCodePoints} characters counted as Unicode code
 * points, so an emoji is one character, not two UTF-16 units.
 *
 * @param name          the field as the client names it ({@code text}, {@code overrides.parent})
 * @param maxCodePoints the longest value accepted
 * @param multiline     whether line breaks and tabs are allowed
 * @param overLimit     the kind of problem an over-long value is ({@link Problem.Kind#TOO_LARGE} or INVALID)
 */
public record TextField(String name, int maxCodePoints, boolean multiline, Problem.Kind overLimit) {

    public TextField {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive: " + maxCodePoints);
        }
    }

    /** A single-line field whose over-long values are INVALID (400). */
    public static TextField line(String name, int maxCodePoints) {
        return new TextField(name, maxCodePoints, false, Problem.Kind.INVALID);
    }

    /** A field that may span lines, whose over-long values are INVALID (400). */
    public static TextField lines(String name, int maxCodePoints) {
        return new TextField(name, maxCodePoints, true, Problem.Kind.INVALID);
    }

    /** The same rule reported under another name (a nested field, {@code overrides.summary}). */
    public TextField named(String other) {
        return new TextField(other, maxCodePoints, multiline, overLimit);
    }

    /** The value without invisible characters at either end; refused when missing, empty or against the rule. */
    public String require(String value) {
        if (value == null) {
            throw Problem.invalid(name, name + " is required");
        }
        String clean = check(value);
        if (clean.isEmpty()) {
            throw Problem.invalid(name, name + " must not be empty");
        }
        return clean;
    }

    /** As {@link #require}, but null stays null and an empty value becomes null. */
    public String optional(String value) {
        if (value == null) {
            return null;
        }
        String clean = check(value);
        return clean.isEmpty() ? null : clean;
    }

    private String check(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Problem.invalid(name, name + " contains a broken character (an unpaired UTF-16 surrogate)");
            } else if (control(c)) {
                throw Problem.invalid(name, name + " contains a control character (code " + (int) c + ")");
            }
        }
        String clean = stripInvisible(value);
        int count = clean.codePointCount(0, clean.length());
        if (count > maxCodePoints) {
            throw new Problem(overLimit, name + " is too long (" + count + " characters, at most " + maxCodePoints
                    + ")", name);
        }
        return clean;
    }

    private boolean control(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return !multiline;
        }
        return Character.getType(c) == Character.CONTROL;
    }

    /** Removes whitespace, space separators (no-break space) and format characters (zero-width, BOM) at the ends. */
    public static String stripInvisible(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && invisible(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && invisible(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
                || cp == 0x2800 /* braille blank */ || cp == 0x3164 /* hangul filler */;
    }
}
