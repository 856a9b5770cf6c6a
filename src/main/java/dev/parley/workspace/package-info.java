/**
 * The agent dashboard: inbox views, the conversation page, presence, capacity-aware assignment with a FIFO
 * waiting queue, canned replies and the agent REST API. Public: {@link dev.parley.workspace.WaitingQueue} and
 * {@link dev.parley.workspace.AgentAvailability}, for the customer widget.
 */
package dev.parley.workspace;
