package ir.line111.core.testing;

import ir.line111.core.domain.identity.NationalId;

import java.util.concurrent.ThreadLocalRandom;

/** Random valid national IDs, so tests sharing a database never trip over each other's duplicates. */
public final class TestNationalIds {
    private TestNationalIds() {}

    public static NationalId random() {
        return random(ThreadLocalRandom.current());
    }

    /** A valid random ID from {@code r} (seeded generators give repeatable data sets). */
    public static NationalId random(java.util.Random r) {
        while (true) {
            StringBuilder b = new StringBuilder(10);
            for (int i = 0; i < 9; i++) b.append(r.nextInt(10));
            b.append(NationalId.checkDigitOf(b.toString()));
            // Repeated digits and an all-zero middle pass the checksum but are not IDs: draw again.
            if (NationalId.parse(b) instanceof NationalId.Parsed.Valid v) return v.id();
        }
    }
}
