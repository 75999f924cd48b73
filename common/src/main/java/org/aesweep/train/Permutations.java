package org.aesweep.train;

import java.util.Random;

/** Random orders of sample indices (Fisher-Yates), reproducible from the caller's Random. */
public final class Permutations {
    private Permutations() {
    }

    /** 0..count-1 in a random order drawn from {@code random}. */
    public static int[] of(int count, Random random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
