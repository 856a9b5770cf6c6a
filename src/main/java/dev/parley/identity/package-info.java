/**
 * Who may do what: agents, roles, sign-in, API tokens and the security rules of every endpoint.
 * Public endpoints (widget API, widget script, demo, help center, health) are listed here in one place.
 */
package dev.parley.identity;
