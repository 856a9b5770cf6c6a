/**
 * The agent dashboard: inbox views, the conversation page, presence, capacity-aware assignment with a FIFO
 * waiting queue, canned replies and the agent REST API. Public: {@link dev.parley.inbox.WaitingQueue} and
 * {@link dev.parley.inbox.AgentAvailability}, for the customer widget.
 */
package dev.parley.inbox;
