package dev.parley.workspace;

/**
 * Where an escalated conversation waits for a person: {@code position} counts from 1; the estimate comes
 * from recent handle times and the capacity of the agents online.
 */
public record QueueStatus(int position, long estimatedWaitSeconds, int agentsOnline) {
}
