package dev.parley.identity;

/** A new agent and, when it was generated, the initial password (shown once, never stored in clear). */
public record CreatedAgent(Agent agent, String generatedPassword) {
}
