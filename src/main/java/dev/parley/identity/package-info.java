/**
 * Who may do what: agents, roles, teams, sign-in (form + session, throttled), password reset by email, personal API
 * tokens, the audit log and the security rules of every endpoint. Public endpoints (widget API, widget script, demo,
 * help center, health) are listed in {@code SecurityConfiguration} in one place. API: {@link dev.parley.identity.Agents},
 * {@link dev.parley.identity.ApiTokens}, {@link dev.parley.identity.AuditLog}, {@link dev.parley.identity.AgentPrincipal};
 * the port {@link dev.parley.identity.PasswordResetMail} is implemented by whoever can send mail.
 */
package dev.parley.identity;
