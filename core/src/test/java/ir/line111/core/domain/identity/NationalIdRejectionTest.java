package ir.line111.core.domain.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every form of invalid national ID, each with its own reason; no exception escapes parse. */
class NationalIdRejectionTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|EMPTY",
            "''|EMPTY",
            "'   '|EMPTY",
            "049937089|WRONG_LENGTH",
            "04993708999|WRONG_LENGTH",
            "0499a70899|NOT_DIGITS",
            "0499.370899|NOT_DIGITS",
            "049937089٩x|NOT_DIGITS",
            "0000000000|REPEATED_DIGITS",
            "1111111111|REPEATED_DIGITS",
            "9999999999|REPEATED_DIGITS",
            "۲۲۲۲۲۲۲۲۲۲|REPEATED_DIGITS",
            "1230000000|ZERO_MIDDLE",
            "0684159415|CHECKSUM",
            "0499370898|CHECKSUM",
            "۰۶۸۴۱۵۹۴۱۵|CHECKSUM",
    })
    void rejectsWithTheReason(String input, NationalId.Rejection reason) {
        assertThat(NationalId.parse(input)).isInstanceOfSatisfying(NationalId.Parsed.Invalid.class,
                inv -> assertThat(inv.reason()).isEqualTo(reason));
    }

    @Test
    void allTenRepeatedDigitStringsPassTheChecksumYetAreRefused() {
        for (char c = '0'; c <= '9'; c++) {
            String s = String.valueOf(c).repeat(10);
            assertThat(NationalId.checksumHolds(s)).as(s).isTrue();
            assertThat(NationalId.parse(s)).isInstanceOf(NationalId.Parsed.Invalid.class);
        }
    }

    @Test
    void everySingleDigitChangeOfAValidIdIsCaughtOrStillValidByChecksumOnly() {
        // mod 11 with check digits 0..9 catches a change of any one digit
        String id = "0499370899";
        for (int i = 0; i < 10; i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c == id.charAt(i)) continue;
                String w = id.substring(0, i) + c + id.substring(i + 1);
                assertThat(NationalId.parse(w)).as(w).isInstanceOf(NationalId.Parsed.Invalid.class);
            }
        }
    }

    @Test
    void theConstructorRefusesInvalidDigitsWithoutEchoingThem() {
        assertThatThrownBy(() -> new NationalId("0684159415")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("068****415").hasMessageNotContaining("0684159415");
        assertThat(NationalId.of("049-937089-9")).isEqualTo(NationalId.of("0499370899"));
    }
}
