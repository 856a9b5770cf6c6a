package dev.parley.learning;

/** Why an agent flagged an AI answer. */
public enum FlagReason {
    WRONG("Wrong"), OUTDATED("Outdated"), INCOMPLETE("Incomplete"), INAPPROPRIATE("Inappropriate");

    private final String label;

    FlagReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
