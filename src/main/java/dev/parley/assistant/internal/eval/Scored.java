package dev.parley.assistant.internal.eval;

/**
 * One evaluated question: what was expected, the scorer's best article and confidence, whether the
 * assistant answered, and how long the decision took.
 */
record Scored(String question, String expected, String best, double confidence, boolean answered, double millis) {

    /** The best article is wrong, or an out-of-scope question was answered. */
    boolean mistaken() {
        return inScope() ? !bestIsRight() : answered;
    }

    boolean inScope() {
        return expected != null;
    }

    boolean bestIsRight() {
        return expected != null && expected.equals(best);
    }

    boolean answeredRight() {
        return answered && bestIsRight();
    }
}
