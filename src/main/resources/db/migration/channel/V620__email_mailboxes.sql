-- The email channel's own data per inbox: where its mail comes from and goes out (admin-page inboxes keep their
-- IMAP and SMTP URLs here, encrypted; inboxes from properties read them from the configuration), and the poll
-- state that makes every mail processed once: the highest IMAP UID taken under the folder's UIDVALIDITY.
CREATE TABLE email_mailbox (
    inbox_id             UUID PRIMARY KEY,
    managed_by           VARCHAR(16)   NOT NULL,
    imap_url             VARCHAR(4000),
    smtp_url             VARCHAR(4000),
    poll_interval_ms     BIGINT        NOT NULL DEFAULT 30000,
    uid_validity         BIGINT,
    last_uid             BIGINT        NOT NULL DEFAULT 0,
    last_poll_at         TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(1000),
    last_error_at        TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT           NOT NULL DEFAULT 0,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_mailbox_managed_check CHECK (managed_by IN ('PROPERTIES', 'ADMIN'))
);

-- A mail that failed to be taken more than a few times is skipped (it stays on the server) so it cannot block
-- the mailbox; the count lives here per inbox and UID.
CREATE TABLE email_failed_uid (
    inbox_id     UUID         NOT NULL,
    uid_validity BIGINT       NOT NULL,
    uid          BIGINT       NOT NULL,
    failures     INT          NOT NULL,
    last_error   VARCHAR(1000),
    PRIMARY KEY (inbox_id, uid_validity, uid)
);
