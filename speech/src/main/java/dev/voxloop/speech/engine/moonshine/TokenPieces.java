package dev.voxloop.speech.engine.moonshine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Llama tokenizer's 32,000 pieces, which Moonshine's decoder writes by number: "▁" marks the start of a
 * word, "&lt;0x0A&gt;" style pieces are raw UTF-8 bytes. They are read from llama-tokenizer-js, where they sit as
 * one base64 string of newline-separated pieces.
 */
public final class TokenPieces {

    /** The piece that starts a word, and stands for the space before it. */
    static final char WORD_START = '\u2581';
    private static final Pattern VOCABULARY = Pattern.compile("llama_vocab_base64\\s*=\\s*\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern BYTE = Pattern.compile("<0x([0-9A-F]{2})>");

    private final List<String> pieces;

    TokenPieces(List<String> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    /** @param tokenizerScript the text of llama-tokenizer.js */
    static TokenPieces fromScript(String tokenizerScript) {
        Matcher m = VOCABULARY.matcher(tokenizerScript);
        if (!m.find()) {
            throw new IllegalArgumentException("no llama_vocab_base64 in the tokenizer script");
        }
        String all = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        return new TokenPieces(List.of(all.split("\n", -1)));
    }

    int size() {
        return pieces.size();
    }

    /** The token's spelling as the tokenizer has it ("▁Book", "It", "&lt;0x0A&gt;"). */
    String piece(int token) {
        return pieces.get(token);
    }

    /** Whether the token begins a new word (its piece starts with "▁"). */
    boolean startsWord(int token) {
        return token >= 0 && token < pieces.size() && !pieces.get(token).isEmpty()
                && pieces.get(token).charAt(0) == WORD_START;
    }

    /** The text of a run of tokens; tokens outside the vocabulary (Moonshine's spare ids) say nothing. */
    String text(List<Integer> tokens) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int t : tokens) {
            if (t < 3 || t >= pieces.size()) {
                continue;
            }
            String piece = pieces.get(t);
            Matcher b = BYTE.matcher(piece);
            if (b.matches()) {
                bytes.write(Integer.parseInt(b.group(1), 16));
            } else {
                bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(WORD_START, ' ').strip();
    }
}
