package dev.parley.knowledge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * How much the compressed parts of an imported PDF or Word file may unpack to (PDFBox and POI hold each part whole in
 * memory), and a counter to unpack into that stops at a limit without keeping more than asked.
 */
final class UnpackLimits {

    /** The most one part (a page's content, a font, the document's XML) may unpack to. */
    static final long MAX_PART_BYTES = 64L << 20;
    /** The most all measured parts of one file may unpack to together. */
    static final long MAX_TOTAL_BYTES = 256L << 20;

    private UnpackLimits() {
    }

    /** What one part may unpack to, given what the file's earlier parts used of the total. */
    static long partLimit(long totalSoFar) {
        return Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - totalSoFar);
    }

    /** Counts the bytes written to it (keeping them when asked) and stops the writer past its limit. */
    static final class Meter extends OutputStream {

        private final long limit;
        private final ByteArrayOutputStream kept;
        private long count;

        /** A meter for one part, given what the file's earlier parts used of the total. */
        static Meter forPart(long totalSoFar, boolean keep) {
            return new Meter(partLimit(totalSoFar), keep);
        }

        private Meter(long limit, boolean keep) {
            this.limit = limit;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        long count() {
            return count;
        }

        byte[] kept() {
            return kept.toByteArray();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                throw new TooLarge(limit < MAX_PART_BYTES);
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }

    /** Thrown by a {@link Meter} past its limit: the file's total ({@code total}), or else the part's own. */
    static final class TooLarge extends IOException {

        private final boolean total;

        TooLarge(boolean total) {
            this.total = total;
        }

        boolean total() {
            return total;
        }
    }
}
