package ir.line111.core.domain.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"0499370899", "0684159414", "1583250689", "0076229645"})
    void acceptsTheDesignVectors(String s) {
        assertThat(NationalId.parse(s)).isInstanceOf(NationalId.Parsed.Valid.class);
    }

    @Test
    void rejectsAWrongCheckDigitWithItsReason() {
        var p = (NationalId.Parsed.Invalid) NationalId.parse("0684159415");
        assertThat(p.reason()).isEqualTo(NationalId.Rejection.CHECKSUM);
    }

    @Test
    void rejectsRepeatedDigitsEvenThoughTheChecksumHolds() {
        assertThat(NationalId.checksumHolds("1111111111")).isTrue();
        var p = (NationalId.Parsed.Invalid) NationalId.parse("1111111111");
        assertThat(p.reason()).isEqualTo(NationalId.Rejection.REPEATED_DIGITS);
    }

    @Test
    void readsPersianAndArabicIndicDigitsAndMasksForLogs() {
        NationalId persian = NationalId.of("۰۴۹۹۳۷۰۸۹۹");
        NationalId arabic = NationalId.of("٠٤٩٩٣٧٠٨٩٩");
        assertThat(persian).isEqualTo(arabic).isEqualTo(NationalId.of("0499370899"));
        assertThat(persian.masked()).isEqualTo("049****899");
        assertThat(persian.toString()).doesNotContain("0499370899");
    }
}
