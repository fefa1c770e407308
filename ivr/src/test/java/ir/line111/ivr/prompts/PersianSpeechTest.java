package ir.line111.ivr.prompts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersianSpeechTest {
    private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();

    @Test
    void numbersJoinTheirPartsWithAnd() {
        assertThat(PersianSpeech.number(0)).containsExactly("num-0");
        assertThat(PersianSpeech.number(7)).containsExactly("num-7");
        assertThat(PersianSpeech.number(13)).containsExactly("num-13");
        assertThat(PersianSpeech.number(20)).containsExactly("num-20");
        assertThat(PersianSpeech.number(23)).containsExactly("num-20", "and", "num-3");
        assertThat(PersianSpeech.number(105)).containsExactly("num-100", "and", "num-5");
        assertThat(PersianSpeech.number(999)).containsExactly("num-900", "and", "num-90", "and", "num-9");
        assertThat(PersianSpeech.number(1000)).containsExactly("num-1000");
        assertThat(PersianSpeech.number(1405)).containsExactly("num-1000", "and", "num-400", "and", "num-5");
        assertThat(PersianSpeech.number(2010)).containsExactly("num-2", "num-1000", "and", "num-10");
        assertThat(PersianSpeech.number(312_000)).containsExactly("num-300", "and", "num-12", "num-1000");
    }

    @Test
    void everyNumberUpToTheMaximumUsesOnlyCataloguedPrompts() {
        for (int n = 0; n <= 3000; n++) {
            List<String> keys = PersianSpeech.number(n);
            assertThat(keys).allSatisfy(k -> assertThat(CATALOGUE.contains(k)).as(k).isTrue());
        }
        assertThatThrownBy(() -> PersianSpeech.number(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersianSpeech.number(1_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digitsAreReadOneByOne() {
        assertThat(PersianSpeech.digits("0499370899")).containsExactly(
                "digit-0", "digit-4", "digit-9", "digit-9", "digit-3", "digit-7", "digit-0", "digit-8", "digit-9", "digit-9");
        assertThatThrownBy(() -> PersianSpeech.digits("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minutesRoundUpAndAreNeverZero() {
        assertThat(PersianSpeech.minutes(Duration.ofSeconds(0))).containsExactly("num-1", "minute");
        assertThat(PersianSpeech.minutes(Duration.ofSeconds(61))).containsExactly("num-2", "minute");
        assertThat(PersianSpeech.minutes(Duration.ofMinutes(25))).containsExactly("num-20", "and", "num-5", "minute");
    }

    @Test
    void jalaliDatesAreInTehranTime() {
        // 2026-11-22 is 1 Azar 1405; 20:40 UTC is already the next day (2 Azar) in Tehran (UTC+3:30).
        assertThat(PersianSpeech.jalaliYmd(Instant.parse("2026-11-22T12:00:00Z"))).containsExactly(1405, 9, 1);
        assertThat(PersianSpeech.jalaliYmd(Instant.parse("2026-11-22T20:40:00Z"))).containsExactly(1405, 9, 2);
        // Nowruz: 1 Farvardin 1405 = 2026-03-21.
        assertThat(PersianSpeech.jalaliYmd(Instant.parse("2026-03-21T06:00:00Z"))).containsExactly(1405, 1, 1);
        assertThat(PersianSpeech.jalaliDate(Instant.parse("2026-11-22T12:00:00Z")))
                .containsExactly("num-1", "month-9", "num-1000", "and", "num-400", "and", "num-5");
    }
}
