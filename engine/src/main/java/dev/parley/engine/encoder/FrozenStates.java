package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.HIDDEN;

import java.util.List;

/**
 * Each training text's hidden states after the frozen layers: computed once, reused by every epoch and
 * every tuning of the same texts (one float per token and hidden unit).
 */
final class FrozenStates {

    private final List<float[]> states;

    FrozenStates(List<float[]> states) {
        this.states = List.copyOf(states);
    }

    int size() {
        return states.size();
    }

    /** Tokens of text {@code i}. */
    int length(int i) {
        return states.get(i).length / HIDDEN;
    }

    FrozenStates subset(int[] rows) {
        return new FrozenStates(java.util.Arrays.stream(rows).mapToObj(states::get).toList());
    }

    /** The texts' states zero-padded to the longest of them. */
    record Padded(float[] states, Batch batch) {
    }

    Padded padded(int[] rows) {
        int[] lengths = new int[rows.length];
        int longest = 0;
        for (int i = 0; i < rows.length; i++) {
            lengths[i] = length(rows[i]);
            longest = Math.max(longest, lengths[i]);
        }
        float[] padded = new float[rows.length * longest * HIDDEN];
        for (int i = 0; i < rows.length; i++) {
            float[] s = states.get(rows[i]);
            System.arraycopy(s, 0, padded, i * longest * HIDDEN, s.length);
        }
        return new Padded(padded, new Batch(rows.length, longest, lengths));
    }
}
