package dev.voxloop.intent.chat;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.voxloop.intent.untrusted.UntrustedBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * One prompt template from {@code resources/dev/voxloop/intent/chat}, compiled when the class that uses it loads,
 * so a missing or malformed file stops start-up with its name. Rendering is strict: a placeholder the caller did
 * not supply is an error, not an empty string; every double-braced value is XML-escaped
 * ({@link UntrustedBlock#escape}).
 */
public final class PromptTemplate {

    private static final String DIR = "/dev/voxloop/intent/chat/";
    private static final Mustache.Compiler COMPILER = Mustache.compiler().withEscaper(UntrustedBlock::escape)
            .nullValue("").strictSections(true);

    private final String name;
    private final Template template;

    private PromptTemplate(String name, Template template) {
        this.name = name;
        this.template = template;
    }

    public static PromptTemplate load(String name) {
        String path = DIR + name;
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the prompt template " + path + " is missing from the build");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new PromptTemplate(path, COMPILER.compile(r));
            }
        } catch (IOException | MustacheException e) {
            throw new IllegalStateException("the prompt template " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException naming the template when a placeholder has no value in {@code context} */
    public String render(Object context) {
        try {
            return template.execute(context);
        } catch (MustacheException e) {
            throw new IllegalStateException("the prompt template " + name + " does not fit its data: "
                    + e.getMessage(), e);
        }
    }
}
