package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    @Test
    void aWordSaidFourTimesOverIsALoopAndOneCopyIsKept() {
        List<Integer> tokens = List.of(5, 9, 9, 9, 9);
        assertThat(Repetition.looping(tokens)).isTrue();
        assertThat(Repetition.withoutLoop(tokens)).isEqualTo(2);
    }

    @Test
    void aPhraseOverAndOverIsALoop() {
        List<Integer> tokens = List.of(1, 7, 8, 7, 8, 7, 8, 7, 8);
        assertThat(Repetition.looping(tokens)).isTrue();
        assertThat(Repetition.withoutLoop(tokens)).isEqualTo(3);
    }

    @Test
    void threeCopiesAreSpeechNotALoop() {
        assertThat(Repetition.looping(List.of(4, 4, 4))).isFalse();
        assertThat(Repetition.looping(List.of(3, 1, 2, 1, 2, 1, 2))).isFalse();
        assertThat(Repetition.withoutLoop(List.of(1, 2, 3))).isEqualTo(3);
    }
}
