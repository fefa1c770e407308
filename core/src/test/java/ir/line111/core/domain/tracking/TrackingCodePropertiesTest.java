package ir.line111.core.domain.tracking;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The properties DESIGN §5 promises of tracking codes, checked over codes as they are issued. */
class TrackingCodePropertiesTest {

    static final KeyedPermutation P = new KeyedPermutation("property test key, 32 bytes long".getBytes(StandardCharsets.UTF_8));

    /** Codes as the issuer makes them from sequence values 1.. and from a spread of later ones. */
    static Set<TrackingCode> sample() {
        Set<TrackingCode> s = new HashSet<>();
        for (long v = 1; v <= 1_000; v++) s.add(TrackingCode.fromBody(P.permute(v)));
        Random r = new Random(111);
        for (int i = 0; i < 1_000; i++) s.add(TrackingCode.fromBody(P.permute(r.nextLong(KeyedPermutation.DOMAIN))));
        return s;
    }

    @Test
    void everyIssuedCodePassesItsCheckDigitAndEverySingleDigitChangeAndAdjacentSwapFails() {
        int mutations = 0;
        for (TrackingCode code : sample()) {
            String d = code.digits();
            assertThat(TrackingCode.parse(d)).isEqualTo(new TrackingCode.Parsed.Valid(code));
            for (int i = 0; i < d.length(); i++) {
                for (char c = '0'; c <= '9'; c++) {
                    if (c == d.charAt(i)) continue;
                    String wrong = d.substring(0, i) + c + d.substring(i + 1);
                    assertThat(TrackingCode.parse(wrong)).as("%s changed at %d", d, i).isInstanceOf(TrackingCode.Parsed.WrongCheckDigit.class);
                    mutations++;
                }
                if (i + 1 < d.length() && d.charAt(i) != d.charAt(i + 1)) {
                    String swapped = d.substring(0, i) + d.charAt(i + 1) + d.charAt(i) + d.substring(i + 2);
                    assertThat(TrackingCode.parse(swapped)).as("%s swapped at %d", d, i).isInstanceOf(TrackingCode.Parsed.WrongCheckDigit.class);
                    mutations++;
                }
            }
        }
        assertThat(mutations).isGreaterThan(150_000);
    }

    @Test
    void thePermutationIsABijectionThatHidesOrder() {
        Set<Long> out = new HashSet<>();
        for (long v = 0; v < 20_000; v++) {
            long y = P.permute(v);
            assertThat(y).isBetween(0L, KeyedPermutation.DOMAIN - 1);
            assertThat(P.invert(y)).isEqualTo(v);
            out.add(y);
        }
        assertThat(out).hasSize(20_000);
        // consecutive sequence values land far apart
        assertThat(Math.abs(P.permute(1000) - P.permute(1001))).isGreaterThan(1000);
        // a different key gives different codes
        KeyedPermutation other = new KeyedPermutation("another key for the property te".getBytes(StandardCharsets.UTF_8));
        assertThat(other.permute(1)).isNotEqualTo(P.permute(1));
        assertThat(other.fingerprint()).isNotEqualTo(P.fingerprint());
        assertThatThrownBy(() -> new KeyedPermutation(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P.permute(KeyedPermutation.DOMAIN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingTellsMalformedFromWrongCheckDigit() {
        TrackingCode c = TrackingCode.fromBody(12_345_678);
        assertThat(c.digits()).startsWith("12345678").hasSize(9);
        assertThat(TrackingCode.parse("۱۲۳-۴۵۶-۷۸" + (char) ('۰' + (c.digits().charAt(8) - '0')))).isEqualTo(new TrackingCode.Parsed.Valid(c));
        assertThat(TrackingCode.parse("12345")).isInstanceOf(TrackingCode.Parsed.Malformed.class);
        assertThat(TrackingCode.parse("12345678x")).isInstanceOf(TrackingCode.Parsed.Malformed.class);
        assertThat(TrackingCode.parse("")).isInstanceOf(TrackingCode.Parsed.Malformed.class);
        assertThat(TrackingCode.parse(null)).isInstanceOf(TrackingCode.Parsed.Malformed.class);
        assertThat(c.persianGrouped()).isEqualTo("۱۲۳-۴۵۶-۷۸" + (char) ('۰' + (c.digits().charAt(8) - '0')));
    }

    @Test
    void dammCatchesWhatLuhnMisses() {
        // Luhn cannot see 09 <-> 90; Damm can.
        String base = "09" + "1234567";
        String code = base + Damm.checkDigit(base);
        String swapped = "90" + code.substring(2);
        assertThat(Damm.isValid(code)).isTrue();
        assertThat(Damm.isValid(swapped)).isFalse();
        assertThat(Damm.checkDigit("572")).isEqualTo(4); // Damm's published example
    }
}
