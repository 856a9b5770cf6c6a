/**
 * Conversations (tickets) and their messages: customer, status lifecycle, priority and escalation.
 * Runs every customer message through the {@link dev.parley.conversation.AssistantPort} and publishes what happened as events.
 */
package dev.parley.conversation;
