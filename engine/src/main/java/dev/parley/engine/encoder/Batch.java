package dev.parley.engine.encoder;

/**
 * A batch of texts padded to the longest: {@code size} texts of {@code length} token rows each, of which
 * the first {@code lengths[b]} are real. Hidden states are (size x length x hidden), row-major.
 */
record Batch(int size, int length, int[] lengths) {

    int rows() {
        return size * length;
    }
}
