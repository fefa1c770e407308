package ir.line111.recordings.speech;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenDigitsParserTest {

    private static String best(String said) {
        return SpokenDigitsParser.parse(said).best();
    }

    @Test
    void digitByDigit() {
        assertThat(best("صفر چهار نه نه سه هفت صفر هشت نه نه")).isEqualTo("0499370899");
    }

    @Test
    void colloquialForms() {
        assertThat(best("یه پنج هش سه دو پنج صفر شیش هش نه")).isEqualTo("1583250689");
        assertThat(best("صفر شیش هش چار یه پنج نه چار یه چار")).isEqualTo("0684159414");
        assertThat(best("هف هفت")).isEqualTo("77");
    }

    @Test
    void groupedReadingsWriteEveryDigitOfTheGroup() {
        assertThat(best("سیصد و دوازده")).isEqualTo("312");
        assertThat(best("صفر چهارصد و نود و نه سیصد و هفتاد هشتصد و نود و نه")).isEqualTo("0499370899");
        assertThat(best("صد و دو")).isEqualTo("102");
        assertThat(best("دو هزار و پنج")).isEqualTo("2005");
        assertThat(best("پونصد و هیجده")).isEqualTo("518");
    }

    @Test
    void countsOfADigit() {
        assertThat(best("صفر صفر هفتاد و شش دو دو نه شش چهار پنج")).isEqualTo("0076229645");
        assertThat(best("دو تا صفر هفتاد و شش دو دو نه شش چهار پنج")).isEqualTo("0076229645");
        assertThat(best("دوتا صفر هفتاد و شش")).isEqualTo("0076");
        assertThat(best("بیست و دو تا صفر")).isEqualTo("2000");
    }

    @Test
    void mixedNumeralsAndSpellings() {
        assertThat(best("۰۴۹ نه سه هفت ٠٨٩ 9")).isEqualTo("0499370899");
        assertThat(best("يك دو")).isEqualTo("12");   // Arabic yeh and kaf
        assertThat(best("سی‌صد")).isEqualTo("300");   // with a zero-width non-joiner
    }

    @Test
    void wordsWithoutAndGiveBothReadingsJoinedFirst() {
        assertThat(SpokenDigitsParser.readingsOf("بیست سه")).containsExactly("23", "203");
        assertThat(SpokenDigitsParser.readingsOf("بیست و سه")).containsExactly("23");
    }

    @Test
    void unknownWordsAreIgnoredAndCounted() {
        SpokenDigitsParser.Parse p = SpokenDigitsParser.parse("کد ملی من [unk] یک دو");
        assertThat(p.best()).isEqualTo("12");
        assertThat(p.ignoredWords()).isEqualTo(4);
        assertThat(SpokenDigitsParser.parse("").readings()).containsExactly("");
    }
}
