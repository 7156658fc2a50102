package dev.voxloop.core.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one configuration value as the type a settings record declares. Values come from YAML (strings, numbers,
 * booleans, lists, maps) or from environment variables (always strings). A value that does not fit fails with the
 * key's path and the value as written, never with a parser's own message.
 */
public final class Values {

    private Values() {
    }

    /** The value at {@code path} as {@code type}; {@code raw} is not null and not blank. */
    public static Object read(Type type, String path, Object raw) {
        Class<?> c = rawClass(type);
        if (c == List.class) {
            return strings(raw);
        }
        if (c == Map.class) {
            if (!(raw instanceof Map<?, ?> m)) {
                throw bad(path, "a mapping of keys", raw);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (raw instanceof Map || raw instanceof List) {
            throw bad(path, "a single value", raw);
        }
        String v = raw.toString().strip();
        if (c == String.class) {
            return v;
        }
        if (c == int.class || c == Integer.class) {
            return whole(path, v);
        }
        if (c == long.class || c == Long.class) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(path, "a whole number", v);
            }
        }
        if (c == double.class || c == Double.class) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw bad(path, "a number", v);
            }
        }
        if (c == boolean.class || c == Boolean.class) {
            return bool(path, v);
        }
        if (c == Duration.class) {
            return duration(path, v);
        }
        if (c == Path.class) {
            return v.equals("~") || v.startsWith("~/") ? Path.of(System.getProperty("user.home") + v.substring(1))
                    : Path.of(v);
        }
        if (c == URI.class) {
            return httpUrl(path, v);
        }
        if (c == ByteSize.class) {
            return ByteSize.parse(path, v);
        }
        if (c.isEnum()) {
            return choice(c, path, v);
        }
        throw new IllegalStateException(path + ": settings of type " + c.getSimpleName() + " cannot be read");
    }

    /** How a person would name the type, for voxloop.example.yaml. */
    public static String describe(Type type) {
        Class<?> c = rawClass(type);
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "whole number";
        }
        if (c == double.class || c == Double.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == Duration.class) {
            return "duration like 90s, 15m or 2h";
        }
        if (c == ByteSize.class) {
            return "size like 512kb or 25MB";
        }
        if (c == List.class) {
            return "list, or comma separated";
        }
        if (c == Map.class) {
            return "mapping";
        }
        if (c == URI.class) {
            return "http(s) URL";
        }
        if (c == Path.class) {
            return "path";
        }
        if (c.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(c.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList());
        }
        return "text";
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported settings type " + type);
    }

    static List<String> strings(Object raw) {
        if (raw instanceof List<?> l) {
            return l.stream().map(o -> String.valueOf(o).strip()).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(raw.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static int whole(String path, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(path, "a whole number", v);
        }
    }

    static boolean bool(String path, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(path, "true or false", v);
        };
    }

    /** "90s", "15m", "2h", "1d", "500ms", ISO-8601 ("PT30M") or a bare number of seconds. */
    static Duration duration(String path, String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            char unit = s.charAt(s.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            double n = Double.parseDouble(s.substring(0, s.length() - 1).strip());
            long unitMillis = switch (unit) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                case 'd' -> 86_400_000L;
                default -> throw new NumberFormatException();
            };
            return Duration.ofMillis(Math.round(n * unitMillis));
        } catch (RuntimeException e) {
            throw bad(path, "a duration like 90s, 15m or 2h", v);
        }
    }

    /** An http(s) URL with a host; a trailing slash is dropped so paths can be appended. */
    static URI httpUrl(String path, String v) {
        try {
            URI u = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            if (u.getScheme() != null && u.getScheme().startsWith("http") && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all: reported below like any other URL we cannot use
        }
        throw bad(path, "an http(s) URL", v);
    }

    private static Object choice(Class<?> type, String path, String v) {
        for (Object e : type.getEnumConstants()) {
            if (((Enum<?>) e).name().equalsIgnoreCase(v.replace('-', '_'))) {
                return e;
            }
        }
        throw bad(path, describe(type), v);
    }

    static IllegalArgumentException bad(String path, String expected, Object value) {
        return new IllegalArgumentException(path + ": expected " + expected + ", got '" + value + "'");
    }
}
