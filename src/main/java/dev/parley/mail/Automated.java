package dev.parley.mail;

/**
 * Whether a machine sent the mail, so the channel neither answers it (mail loops between two auto-responders never
 * end) nor opens a conversation for it.
 */
public enum Automated {
    /** Written by a person, as far as the headers tell. */
    NONE,
    /** Out-of-office notices and other responders (RFC 3834 Auto-Submitted, Exchange and vendor headers). */
    AUTO_REPLY,
    /** A delivery failure report: one of our own mails did not arrive. */
    BOUNCE,
    /** Mailing lists and bulk mail. */
    LIST
}
