package dev.voxloop.intent.untrusted;

import org.owasp.encoder.Encode;

/**
 * Untrusted text (a request, an answer, a tracker's project description) as data for a model. The prompt
 * templates put each such text inside a named element after a notice that it is data and not instructions, and
 * this escaping makes sure the text cannot close that element or open another: {@code & < > " '} become
 * entities and control characters that XML forbids become spaces (OWASP's encoder). That escaping is the part
 * that protects; {@link InjectionScreen} only raises a flag for the person reading the preview.
 */
public final class UntrustedBlock {

    private UntrustedBlock() {
    }

    /** XML-escaped text; null becomes empty. */
    public static String escape(String text) {
        return text == null ? "" : Encode.forXml(text);
    }
}
