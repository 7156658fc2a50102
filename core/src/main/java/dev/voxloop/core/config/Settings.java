package dev.voxloop.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds settings records from the merged configuration and lists their keys, both from the {@link Key}
 * declarations on the records' components. Binding reads each key (its own value, else the key named by
 * {@code defaultFrom}, else the fallback), converts it with {@link Values}, and calls the record's canonical
 * constructor, whose body checks what a single value cannot (ranges, choices, combinations).
 */
public final class Settings {

    private Settings() {
    }

    /** Every key {@code type} declares, nested sections included, in declaration order. */
    public static List<ConfigKey> keys(Class<? extends Record> type) {
        List<ConfigKey> out = new ArrayList<>();
        collect(type, "", out);
        return List.copyOf(out);
    }

    public static <R extends Record> R bind(Class<R> type, ConfigTree tree) {
        return bind(type, tree, Map.of());
    }

    /**
     * @param variables values for {@code {name}} placeholders in fallbacks, e.g. "data" for the data directory
     */
    public static <R extends Record> R bind(Class<R> type, ConfigTree tree, Map<String, String> variables) {
        return bindRecord(type, new Scope(tree, tree, "", variables));
    }

    /** Where a record is being read: the whole tree, the part of it this record covers, and that part's path. */
    private record Scope(ConfigTree root, ConfigTree here, String at, Map<String, String> variables) {

        String full(String path) {
            return at.isEmpty() ? path : at + "." + path;
        }

        Scope enter(ConfigTree part, String path) {
            return new Scope(root, part, path, variables);
        }
    }

    private static <R> R bindRecord(Class<R> type, Scope scope) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i], scope);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true); // a settings record nested in a test or a package-private one
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own check, which names the key
            }
            throw new IllegalStateException(type.getSimpleName() + " cannot be built", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be built", e);
        }
    }

    private static Object value(RecordComponent component, Scope scope) {
        Key key = component.getAnnotation(Key.class);
        Class<?> type = component.getType();
        if (key == null) {
            return zero(type);
        }
        String path = scope.full(key.path());
        if (isSection(type)) {
            return bindRecord(type, scope.enter(scope.here().section(key.path()), path));
        }
        Class<?> entry = entryType(component.getGenericType());
        if (entry != null) {
            return entries(entry, scope, key.path(), path);
        }
        Optional<Object> raw = present(scope.here().raw(key.path()));
        if (raw.isEmpty() && !key.defaultFrom().isEmpty()) {
            raw = present(scope.root().raw(key.defaultFrom()));
        }
        if (raw.isEmpty() && !key.fallback().isEmpty()) {
            raw = Optional.of(expand(key.fallback(), scope.variables(), path));
        }
        if (raw.isPresent()) {
            return Values.read(component.getGenericType(), path, raw.get());
        }
        return type == List.class ? List.of() : type == Map.class ? Map.of() : zero(type);
    }

    private static List<Object> entries(Class<?> entry, Scope scope, String relative, String path) {
        Optional<Object> raw = scope.here().raw(relative);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (!(raw.get() instanceof List<?> list)) {
            throw Values.bad(path, "a list of entries", raw.get());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw Values.bad(path + "[" + i + "]", "an entry with keys", list.get(i));
            }
            @SuppressWarnings("unchecked")
            ConfigTree part = new ConfigTree((Map<String, Object>) m);
            out.add(bindRecord(entry, scope.enter(part, path + "[" + i + "]")));
        }
        return List.copyOf(out);
    }

    private static void collect(Class<?> type, String at, List<ConfigKey> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            Key key = c.getAnnotation(Key.class);
            if (key == null) {
                continue;
            }
            String path = at.isEmpty() ? key.path() : at + "." + key.path();
            Class<?> entry = entryType(c.getGenericType());
            if (isSection(c.getType())) {
                collect(c.getType(), path, out);
            } else if (entry != null) {
                out.add(declared(key, path, ConfigKey.Shape.ENTRIES, "list of entries"));
                collect(entry, path + "[]", out);
            } else {
                ConfigKey.Shape shape = c.getType() == List.class ? ConfigKey.Shape.LIST
                        : c.getType() == Map.class ? ConfigKey.Shape.TABLE : ConfigKey.Shape.VALUE;
                out.add(declared(key, path, shape, Values.describe(c.getGenericType())));
            }
        }
    }

    private static ConfigKey declared(Key key, String path, ConfigKey.Shape shape, String type) {
        return new ConfigKey(path, shape, type, key.fallback(), List.of(key.env()), key.doc(), key.secret(),
                key.defaultFrom());
    }

    /** A record that declares keys of its own (a value record such as {@link ByteSize} is read as one value). */
    private static boolean isSection(Class<?> type) {
        return type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                .anyMatch(c -> c.isAnnotationPresent(Key.class));
    }

    /** The section type of a {@code List<SomeSection>} component, else null. */
    private static Class<?> entryType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> c && isSection(c)) {
            return c;
        }
        return null;
    }

    private static Optional<Object> present(Optional<Object> raw) {
        return raw.filter(v -> !(v instanceof String s) || !s.isBlank());
    }

    private static String expand(String fallback, Map<String, String> variables, String path) {
        String out = fallback;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        if (out.contains("{data}")) {
            throw new IllegalStateException(path + ": its default needs the data directory; bind with \"data\" set");
        }
        return out;
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
