package org.text2ct.text;

import java.util.List;
import java.util.random.RandomGenerator;

/** Fisher–Yates shuffle driven by any seeded generator (Java 17's Collections.shuffle takes only Random). */
public final class Shuffling {

    private Shuffling() {
    }

    public static <T> void shuffle(List<T> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
