/**
 * Internet mail on the wire: SMTP sending, IMAP mailbox reading, MIME parsing and reply-text extraction.
 * Knows nothing of conversations or channels; the email channel and notifications build on it.
 */
package dev.parley.mail;
