/**
 * Agent notifications: emails when a conversation is assigned to an agent or its customer writes while the agent is
 * away, the password-reset mail, per-agent preferences, and what the dashboard needs for desktop notifications.
 */
package dev.parley.notification;
