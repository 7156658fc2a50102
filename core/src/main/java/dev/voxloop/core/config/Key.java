package dev.voxloop.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one configuration key on a settings record's component. This is the only place a key is written down:
 * {@link Settings} reads the declarations to bind the record, to list the keys ({@code voxloop config},
 * voxloop.example.yaml), to map environment variables and to warn about unknown keys.
 *
 * <pre>{@code
 * public record SpeechSettings(
 *         @Key(path = "speech.timeout", fallback = "60s", env = "VOXLOOP_SPEECH_TIMEOUT",
 *              doc = "Time limit for one transcription")
 *         Duration timeout, ...) {
 * }
 * }</pre>
 *
 * The component's type says how the value is read (see {@link Values}). A component whose type is a record with
 * {@code @Key} components of its own is a section: their paths are relative to this one's; a list of such records
 * is a list of entries ({@code path[].key}). A component without {@code @Key} is not read
 * from the configuration: the binder passes null (or 0/false) and the record's constructor derives it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {

    /** Dotted path in voxloop.yaml; relative to the enclosing section for records nested in a settings record. */
    String path();

    /** What the key does, in one sentence for the person editing voxloop.yaml (the default is shown apart). */
    String doc() default "";

    /**
     * The default, written as it would be in voxloop.yaml ("60s", "true", "base.en"); empty for none (null, or 0
     * and false for primitives). {@code {data}} stands for the data directory.
     */
    String fallback() default "";

    /** Environment variables that set the key, the first one set wins; the older names first. */
    String[] env() default {};

    /** Never printed: masked in {@code voxloop config --effective} and in the record's toString. */
    boolean secret() default false;

    /** Full path of another key whose value this one takes while it is unset itself (before the fallback). */
    String defaultFrom() default "";
}
