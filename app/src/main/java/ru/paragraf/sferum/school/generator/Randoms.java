package ru.paragraf.sferum.school.generator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Seeded randomness: ids and shuffles that repeat exactly for the same seed. */
final class Randoms {

    private Randoms() {}

    /** A version-4 UUID drawn from the seeded generator instead of the system's entropy. */
    static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Fisher-Yates in place; {@code Collections.shuffle} takes only {@code java.util.Random} on Java 17. */
    static <T> void shuffle(List<T> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var value = values.get(i);
            values.set(i, values.get(j));
            values.set(j, value);
        }
    }

    /**
     * A separate stream for one school, so that a school's data depends only on the seed and its index. The seed is
     * scrambled: SplittableRandom seeds that differ by a multiple of its increment give shifted copies of one stream.
     */
    static SplittableRandom forSchool(long seed, int index) {
        return new SplittableRandom(mix(mix(seed) + index + 1));
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: every input bit affects every output bit. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
