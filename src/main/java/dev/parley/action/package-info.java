/**
 * Actions: admin-defined calls to the company's own HTTP APIs ("order status", "cancel order") that the assistant
 * runs for a conversation, with typed inputs, encrypted connections, SSRF guards, limits and an execution log.
 */
package dev.parley.action;
