package io.payonator.ops.fuzz;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds and try counts of the randomised tests. A build runs fixed seeds, so CI is repeatable and a
 * failure reproduces; {@code -Dpayonator.fuzz.seed=N} (or {@code random}) and
 * {@code -Dpayonator.fuzz.scale=K} (K times the tries) explore further; {@code -Dpayonator.fuzz.try=S}
 * reruns only the try whose seed is S (each try's name shows its seed). Every test prints its seeds.
 */
public final class FuzzSeeds {

    public static final String SEED_PROPERTY = "payonator.fuzz.seed";
    public static final String SCALE_PROPERTY = "payonator.fuzz.scale";
    public static final String TRY_PROPERTY = "payonator.fuzz.try";

    private FuzzSeeds() {
    }

    /** The base seed of a test: the configured one, or the test's own fixed default. */
    public static long baseSeed(long fixedDefault) {
        String configured = System.getProperty(SEED_PROPERTY, "").trim();
        if (configured.isEmpty()) {
            return fixedDefault;
        }
        if (configured.equals("random")) {
            return new SplittableRandom().nextLong();
        }
        return Long.parseLong(configured);
    }

    /** The number of tries: the test's default, times the configured scale. */
    public static int tries(int defaultTries) {
        return defaultTries * Integer.parseInt(System.getProperty(SCALE_PROPERTY, "1").trim());
    }

    /** The seeds of the tries, derived from the base seed and printed, so each try can be rerun alone. */
    public static long[] seeds(String test, long fixedDefault, int defaultTries) {
        String only = System.getProperty(TRY_PROPERTY, "").trim();
        if (!only.isEmpty()) {
            System.out.printf("%s: only the try with seed %s (-D%s)%n", test, only, TRY_PROPERTY);
            return new long[]{Long.parseLong(only)};
        }
        long base = baseSeed(fixedDefault);
        int tries = tries(defaultTries);
        System.out.printf("%s: base seed %d (-D%s), %d tries%n", test, base, SEED_PROPERTY, tries);
        return derive(base, tries);
    }

    /** The seeds of {@code tries} tries drawn from a base seed. */
    public static long[] derive(long base, int tries) {
        SplittableRandom random = new SplittableRandom(base);
        return LongStream.generate(random::nextLong).limit(tries).toArray();
    }
}
