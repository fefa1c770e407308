package ir.line111.core.domain.calls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"09121234567", "+989121234567", "00989121234567", "989121234567", "9121234567",
            "0912 123 4567", "0912-123-4567", "(0912) 123 45 67", "۰۹۱۲۱۲۳۴۵۶۷", "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷", " 09121234567 "})
    void everyFormOfOneMobileIsTheSameNumber(String raw) {
        assertThat(MobileNumber.parse(raw)).hasValueSatisfying(m -> {
            assertThat(m.international()).isEqualTo("989121234567");
            assertThat(m.national()).isEqualTo("09121234567");
            assertThat(m.masked()).isEqualTo("0912*****67").isEqualTo(m.toString());
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"02188776655", "2188776655", "+982188776655", "111", "0912123456", "091212345678", "+19121234567",
            "anonymous", "0912abc4567", "08121234567", "+4915112345678", "9121234567890"})
    void landlinesShortCodesWithheldAndForeignNumbersAreNoMobile(String raw) {
        assertThat(MobileNumber.parse(raw)).isEmpty();
    }
}
