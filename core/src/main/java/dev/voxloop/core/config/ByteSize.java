package dev.voxloop.core.config;

import java.util.Locale;

/** A number of bytes as configured: "25MB", "512kb", "1g" or a plain number (1 KB = 1024 bytes). */
public record ByteSize(long bytes) {

    private static final String[] UNITS = {"gb", "g", "mb", "m", "kb", "k", "b"};
    private static final long[] FACTORS = {1L << 30, 1L << 30, 1L << 20, 1L << 20, 1L << 10, 1L << 10, 1L};

    public ByteSize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a size must be positive, got " + bytes);
        }
    }

    public static ByteSize parse(String path, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        long factor = 1;
        String digits = v;
        for (int i = 0; i < UNITS.length; i++) {
            if (v.endsWith(UNITS[i])) {
                factor = FACTORS[i];
                digits = v.substring(0, v.length() - UNITS[i].length());
                break;
            }
        }
        try {
            long n = Math.round(Double.parseDouble(digits) * factor);
            if (n > 0) {
                return new ByteSize(n);
            }
        } catch (NumberFormatException e) {
            // reported below with the key's path
        }
        throw Values.bad(path, "a size like 25MB", value);
    }
}
