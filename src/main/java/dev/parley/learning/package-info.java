/**
 * A loop that learns from agents: when a person resolves a conversation the assistant could not, the customer's
 * question is proposed as an example question of the article that answered it (or as a new article from the
 * agent's own answer); agents flag wrong AI answers. Supervisors review everything in one queue; accepted examples
 * retrain the assistant.
 */
package dev.parley.learning;
