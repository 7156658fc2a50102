package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextBiasTest {

    static TokenPieces pieces;

    @BeforeAll
    static void pieces() throws IOException {
        try (InputStream in = ContextBiasTest.class.getResourceAsStream(MoonshineModel.RESOURCES
                + "tokenizer/llama-tokenizer.js")) {
            pieces = TokenPieces.fromScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static int token(String piece) {
        for (int t = 0; t < pieces.size(); t++) {
            if (pieces.piece(t).equals(piece)) {
                return t;
            }
        }
        throw new AssertionError("no piece " + piece);
    }

    @Test
    void theTokenizerHasLlamasPiecesAndWritesWordsAndBytes() {
        assertThat(pieces.size()).isEqualTo(32_000);
        assertThat(pieces.text(List.of(token("▁Store"), token("It"), token("▁crash"), token("es"), token("<0x21>"))))
                .isEqualTo("StoreIt crashes!");
        assertThat(pieces.startsWord(token("▁Store"))).isTrue();
        assertThat(pieces.startsWord(token("It"))).isFalse();
    }

    @Test
    void aNameIsFavouredWhereItCouldStartAndWhereItHasBegun() {
        ContextBias bias = ContextBias.of(List.of("SHOP", "StoreIt", "cart"), pieces);
        float[] scores = new float[pieces.size()];

        bias.apply("▁In", scores);
        assertThat(scores[token("▁Store")]).isEqualTo(ContextBias.BONUS);
        assertThat(scores[token("▁store")]).isEqualTo(ContextBias.BONUS);
        assertThat(scores[token("▁st")]).as("too short to mean the name").isZero();
        assertThat(scores[token("▁cart")]).as("a plain word is not a name").isZero();
        assertThat(scores[token("▁SH")]).as("nor a key").isZero();

        float[] after = new float[pieces.size()];
        bias.apply("▁In▁Store", after);
        assertThat(after[token("It")]).isEqualTo(ContextBias.BONUS);
        assertThat(after[token("▁it")]).isEqualTo(ContextBias.BONUS);
        assertThat(after[token("▁and")]).isZero();
    }

    @Test
    void namesAreMatchedAsWrittenAsWordsAndAsOneWord() {
        assertThat(ContextBias.forms("StoreIt")).containsExactly("StoreIt", "Store It", "store it", "storeit");
        assertThat(ContextBias.forms("Platform")).containsExactly("Platform", "platform");
        assertThat(ContextBias.looksLikeName("EVT")).isFalse();
        assertThat(ContextBias.looksLikeName("BookIt")).isTrue();
    }

    @Test
    void aPriorityIsFavouredOnceItsFirstWordIsWrittenAndNotBefore() {
        ContextBias bias = ContextBias.of(List.of(), pieces);

        float[] after = new float[pieces.size()];
        bias.apply("▁crashes▁on▁Safari,▁high", after);
        assertThat(after[token("▁priority")]).isEqualTo(ContextBias.BONUS);
        assertThat(after[token("▁pr")]).as("too short to mean the word").isZero();
        assertThat(after[token("▁pr")] + after[token("▁and")]).isZero();

        float[] lower = new float[pieces.size()];
        bias.apply("▁Low", lower);
        assertThat(lower[token("▁priority")]).as("after a capital too").isEqualTo(ContextBias.BONUS);

        float[] elsewhere = new float[pieces.size()];
        bias.apply("▁crashes▁on▁Safari,", elsewhere);
        assertThat(elsewhere[token("▁high")]).as("the first word is not pushed").isZero();
        assertThat(elsewhere[token("▁priority")]).isZero();
    }
}
