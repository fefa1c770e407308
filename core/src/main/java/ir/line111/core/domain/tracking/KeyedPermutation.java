package ir.line111.core.domain.tracking;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A keyed permutation of the code bodies [0, 10^8): a balanced Feistel network over two halves of
 * four decimal digits, each round adding (mod 10^4) HMAC-SHA256(key, round ‖ half). Whoever lacks
 * the key cannot tell from a code which sequence number it came from, nor guess a neighbour's code.
 *
 * <p>The halves are decimal, so the network's domain is exactly 10^4 × 10^4 = 10^8 and every output
 * is already a code body: the cycle-walking a binary Feistel needs (domain 2^27 &gt; 10^8) would never
 * take a second step here. {@link #invert} exists for tests and for support staff with the key.
 */
public final class KeyedPermutation {

    public static final long DOMAIN = TrackingCode.pow10(TrackingCode.BODY_DIGITS);
    private static final int HALF = 10_000;
    /** Eight rounds: well past the four Luby–Rackoff needs, and still a few microseconds a code. */
    private static final int ROUNDS = 8;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;
    private final String fingerprint;

    public KeyedPermutation(byte[] key) {
        if (key == null || key.length < 16) throw new IllegalArgumentException("the tracking key must have at least 16 bytes");
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
            Mac m = (Mac) prototype.clone();
            byte[] fp = m.doFinal("line111 tracking-code key fingerprint v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            fingerprint = HexFormat.of().formatHex(fp, 0, 16);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A value that identifies the key without revealing it: kept in the database so a changed key is noticed. */
    public String fingerprint() {
        return fingerprint;
    }

    public long permute(long x) {
        if (x < 0 || x >= DOMAIN) throw new IllegalArgumentException("outside [0, 10^8): " + x);
        Mac mac = mac();
        int l = (int) (x / HALF), r = (int) (x % HALF);
        for (int round = 0; round < ROUNDS; round++) {
            int next = Math.floorMod(l + f(mac, round, r), HALF);
            l = r;
            r = next;
        }
        return (long) l * HALF + r;
    }

    public long invert(long y) {
        if (y < 0 || y >= DOMAIN) throw new IllegalArgumentException("outside [0, 10^8): " + y);
        Mac mac = mac();
        int l = (int) (y / HALF), r = (int) (y % HALF);
        for (int round = ROUNDS - 1; round >= 0; round--) {
            int prev = Math.floorMod(r - f(mac, round, l), HALF);
            r = l;
            l = prev;
        }
        return (long) l * HALF + r;
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int f(Mac mac, int round, int half) {
        mac.update((byte) round);
        mac.update((byte) (half >>> 8));
        mac.update((byte) half);
        byte[] h = mac.doFinal();
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        return (int) Long.remainderUnsigned(v, HALF);
    }
}
