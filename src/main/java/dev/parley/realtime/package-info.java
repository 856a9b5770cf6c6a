/**
 * Pushes live events (messages, typing, read state, status) to widgets and dashboards over Server-Sent
 * Events, across nodes through Redis when enabled.
 */
package dev.parley.realtime;
