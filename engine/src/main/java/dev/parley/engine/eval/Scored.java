package dev.parley.engine.eval;

/**
 * One evaluated question: what was expected, the scorer's best article and confidence, whether the
 * assistant answered, and how long the decision took.
 */
public record Scored(String question, String expected, String best, double confidence, boolean answered, double millis) {

    /** The best article is wrong, or an out-of-scope question was answered. */
    public boolean mistaken() {
        return inScope() ? !bestIsRight() : answered;
    }

    public boolean inScope() {
        return expected != null;
    }

    public boolean bestIsRight() {
        return expected != null && expected.equals(best);
    }

    public boolean answeredRight() {
        return answered && bestIsRight();
    }
}
