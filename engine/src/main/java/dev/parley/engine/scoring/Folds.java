package dev.parley.engine.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Cross-validation folds. */
final class Folds {

    private Folds() {
    }

    /** Each of {@code n} items' fold, dealt round-robin over {@code folds} in an order shuffled by {@code random}. */
    static int[] shuffled(int n, int folds, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % folds;
        }
        return fold;
    }
}
