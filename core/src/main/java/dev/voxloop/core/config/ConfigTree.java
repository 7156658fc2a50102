package dev.voxloop.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the merged configuration (voxloop.yaml overlaid with environment variables), navigated by
 * dotted paths. Each module turns the part it owns into a typed record; bad values fail fast with the path.
 */
public final class ConfigTree {

    private final Map<String, Object> root;

    public ConfigTree(Map<String, Object> root) {
        this.root = root == null ? Map.of() : root;
    }

    public static ConfigTree empty() {
        return new ConfigTree(Map.of());
    }

    public Optional<Object> raw(String path) {
        Object cur = root;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return Optional.empty();
            }
            cur = m.get(part);
        }
        return Optional.ofNullable(cur);
    }

    public Optional<String> string(String path) {
        return raw(path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(Object::toString)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    public String string(String path, String fallback) {
        return string(path).orElse(fallback);
    }

    public int integer(String path, int fallback) {
        return string(path).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": expected a whole number, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    public double decimal(String path, double fallback) {
        return string(path).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": expected a number, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    public boolean bool(String path, boolean fallback) {
        return string(path).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(path + ": expected true or false, got '" + v + "'");
        }).orElse(fallback);
    }

    /** Accepts "90s", "15m", "2h", "500ms", ISO-8601 ("PT30M") or a bare number of seconds. */
    public Duration duration(String path, Duration fallback) {
        return string(path).map(v -> parseDuration(path, v)).orElse(fallback);
    }

    public List<String> strings(String path) {
        Optional<Object> v = raw(path);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of(v.get().toString().split("\\s*,\\s*"));
    }

    /** A list of maps (e.g. tracker.projects) as trees. */
    @SuppressWarnings("unchecked")
    public List<ConfigTree> list(String path) {
        List<ConfigTree> out = new ArrayList<>();
        raw(path).filter(List.class::isInstance).ifPresent(l -> {
            for (Object o : (List<Object>) l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new ConfigTree((Map<String, Object>) m));
                }
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    public ConfigTree section(String path) {
        return raw(path).filter(Map.class::isInstance).map(m -> new ConfigTree((Map<String, Object>) m))
                .orElse(empty());
    }

    /** Map keys directly under {@code path}, in file order. */
    @SuppressWarnings("unchecked")
    public List<String> keys(String path) {
        Object node = path.isEmpty() ? root : raw(path).orElse(null);
        return node instanceof Map<?, ?> m ? new ArrayList<>(((Map<String, Object>) m).keySet()) : List.of();
    }

    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(root);
    }

    static Duration parseDuration(String path, String v) {
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
            return switch (unit) {
                case 's' -> Duration.ofMillis(Math.round(n * 1000));
                case 'm' -> Duration.ofMillis(Math.round(n * 60_000));
                case 'h' -> Duration.ofMillis(Math.round(n * 3_600_000));
                case 'd' -> Duration.ofMillis(Math.round(n * 86_400_000));
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": expected a duration like 90s, 15m or 2h, got '" + v + "'");
        }
    }
}
