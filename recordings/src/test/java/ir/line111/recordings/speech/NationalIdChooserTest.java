package ir.line111.recordings.speech;

import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdChooserTest {

    private final NationalIdChooser chooser = new NationalIdChooser(0.6);

    private static Hypothesis h(String text, double score) {
        return new Hypothesis(text, score, List.of());
    }

    @Test
    void aSingleValidReadingIsCertain() {
        Recognition r = chooser.choose(List.of(Hypothesis.of("صفر چهار نه نه سه هفت صفر هشت نه نه")));
        assertThat(r).isEqualTo(new Recognition.Recognised("0499370899", 1.0, true, List.of()));
    }

    @Test
    void prefersTheAlternativeWithAValidChecksum() {
        // The best alternative heard the last digit wrong (0684159415 fails the checksum).
        Recognition r = chooser.choose(List.of(
                h("صفر شش هشت چهار یک پنج نه چهار یک پنج", 10.0),
                h("صفر شش هشت چهار یک پنج نه چهار یک چهار", 9.0)));
        assertThat(r).isInstanceOfSatisfying(Recognition.Recognised.class, rec -> {
            assertThat(rec.digits()).isEqualTo("0684159414");
            assertThat(rec.certain()).isFalse();   // not what the best alternative said
            assertThat(rec.confidence()).isLessThan(0.5);
        });
    }

    @Test
    void restoresADroppedLeadingZeroOnlyWhenThatMakesAValidId() {
        Recognition r = chooser.choose(List.of(Hypothesis.of("چهار نه نه سه هفت صفر هشت نه نه")));
        assertThat(r).isInstanceOfSatisfying(Recognition.Recognised.class, rec -> {
            assertThat(rec.digits()).isEqualTo("0499370899");
            assertThat(rec.certain()).isFalse();
        });
        // Nine digits that do not become valid with a zero in front stay not understood.
        assertThat(chooser.choose(List.of(Hypothesis.of("یک یک یک یک یک یک یک یک یک"))))
                .isInstanceOf(Recognition.NotUnderstood.class);
    }

    @Test
    void groupedReadingIsResolvedByTheChecksum() {
        // 1583250689 read in pairs: 15 83 25 0 6 89.
        Recognition r = chooser.choose(List.of(Hypothesis.of("پونزده هشتاد و سه بیست و پنج صفر شیش هشتاد و نه")));
        assertThat(r).isInstanceOfSatisfying(Recognition.Recognised.class,
                rec -> assertThat(rec.digits()).isEqualTo("1583250689"));
    }

    @Test
    void tooFewOrTooManyDigitsOrAFailingChecksumAreNotUnderstood() {
        assertThat(chooser.choose(List.of(Hypothesis.of("صفر چهار نه نه سه"))))
                .isEqualTo(new Recognition.NotUnderstood("heard 5 digits but no valid national ID"));
        assertThat(chooser.choose(List.of(Hypothesis.of("صفر چهار نه نه سه هفت صفر هشت نه نه نه نه"))))
                .isInstanceOf(Recognition.NotUnderstood.class);
        assertThat(chooser.choose(List.of(Hypothesis.of("صفر شش هشت چهار یک پنج نه چهار یک پنج"))))
                .isInstanceOf(Recognition.NotUnderstood.class);
        assertThat(chooser.choose(List.of(Hypothesis.of("یک یک یک یک یک یک یک یک یک یک"))))
                .isInstanceOf(Recognition.NotUnderstood.class);   // passes the checksum, never an ID
        assertThat(chooser.choose(List.of(Hypothesis.of("[unk]"))))
                .isEqualTo(new Recognition.NotUnderstood("no digits were heard"));
        assertThat(chooser.choose(List.of())).isInstanceOf(Recognition.NotUnderstood.class);
    }

    @Test
    void lowWordConfidenceMakesItUncertain() {
        Hypothesis shaky = new Hypothesis("صفر چهار نه نه سه هفت صفر هشت نه نه", Double.NaN,
                List.of(new Hypothesis.Word("صفر", 0.3, 0.6, 0.95), new Hypothesis.Word("چهار", 0.7, 1.0, 0.4)));
        assertThat(chooser.choose(List.of(shaky))).isInstanceOfSatisfying(Recognition.Recognised.class, rec -> {
            assertThat(rec.digits()).isEqualTo("0499370899");
            assertThat(rec.confidence()).isEqualTo(0.4);
            assertThat(rec.certain()).isFalse();
        });
    }
}
