package ir.line111.core.testing;

import ir.line111.core.domain.identity.NationalId;

import java.util.concurrent.ThreadLocalRandom;

/** Random valid national IDs, so tests sharing a database never trip over each other's duplicates. */
public final class TestNationalIds {
    private TestNationalIds() {}

    public static NationalId random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (true) {
            StringBuilder b = new StringBuilder(10);
            int s = 0;
            for (int i = 0; i < 9; i++) {
                int d = r.nextInt(10);
                b.append(d);
                s += d * (10 - i);
            }
            int rem = s % 11;
            b.append(rem < 2 ? rem : 11 - rem);
            if (NationalId.parse(b) instanceof NationalId.Parsed.Valid v) return v.id();
        }
    }
}
