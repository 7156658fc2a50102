package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** British spellings meet the American ones a speech engine writes; other words stay as they are. */
class AmericanSpellingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            catalogue     | catalog
            catalogues    | catalogs
            colours       | colors
            coloured      | colored
            behaviour     | behavior
            favourites    | favorites
            organised     | organized
            organisers    | organizers
            prioritise    | prioritize
            customisation | customization
            analyse       | analyze
            centre        | center
            theatres      | theaters
            cancelled     | canceled
            travelling    | traveling
            labelled      | labeled
            programme     | program
            licence       | license
            grey          | gray
            judgement     | judgment
            enrolment     | enrollment
            hour          | hour
            tour          | tour
            your          | your
            four          | four
            emphasis      | emphasis
            rogue         | rogue
            raise         | raise
            promise       | promise
            model         | model
            storey        | storey
            """)
    void aWordIsWrittenTheAmericanWay(String word, String american) {
        assertThat(AmericanSpelling.word(word)).isEqualTo(american);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Filter the Catalogue by colour, please.  | Filter the Catalog by color, please.
            Colours in the organiser's view          | Colors in the organizer's view
            An hour on tour                          | An hour on tour
            """)
    void aTextKeepsItsCaseAndPunctuation(String text, String american) {
        assertThat(AmericanSpelling.text(text)).isEqualTo(american);
    }
}
