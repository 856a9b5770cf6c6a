-- Contacts: one person across channels, found again by any of their handles (email address, phone, widget
-- visitor id, an external id). Every conversation belongs to one contact and one inbox (a configured channel
-- instance; the table lives with the channel module, so no foreign key here). Portable SQL (H2 and PostgreSQL).
CREATE TABLE contact (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200),
    email      VARCHAR(320),
    phone      VARCHAR(40),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_email_idx ON contact (email);

CREATE TABLE contact_handle (
    kind       VARCHAR(16)  NOT NULL,
    handle     VARCHAR(320) NOT NULL,
    contact_id UUID         NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, handle),
    CONSTRAINT contact_handle_kind_check CHECK (kind IN ('EMAIL', 'PHONE', 'VISITOR', 'EXTERNAL'))
);
CREATE INDEX contact_handle_contact_idx ON contact_handle (contact_id);

ALTER TABLE conversation ADD COLUMN contact_id UUID;
ALTER TABLE conversation ADD COLUMN inbox_id UUID;

-- Existing conversations: one contact per email address (case-insensitive), else per widget visitor, else one
-- per conversation. The contact takes the id of its earliest conversation, so nothing is guessed twice.
INSERT INTO contact (id, name, email, created_at, updated_at)
    SELECT id, customer_name, LOWER(customer_email), created_at, updated_at FROM conversation;
UPDATE conversation SET contact_id = (
    SELECT c2.id FROM conversation c2 WHERE LOWER(c2.customer_email) = LOWER(conversation.customer_email)
    ORDER BY c2.created_at, c2.id FETCH FIRST 1 ROWS ONLY)
    WHERE customer_email IS NOT NULL;
UPDATE conversation SET contact_id = (
    SELECT c2.id FROM conversation c2 WHERE c2.visitor_id = conversation.visitor_id AND c2.customer_email IS NULL
    ORDER BY c2.created_at, c2.id FETCH FIRST 1 ROWS ONLY)
    WHERE contact_id IS NULL AND visitor_id IS NOT NULL;
UPDATE conversation SET contact_id = id WHERE contact_id IS NULL;
DELETE FROM contact WHERE id NOT IN (SELECT contact_id FROM conversation);
INSERT INTO contact_handle (kind, handle, contact_id, created_at)
    SELECT 'EMAIL', email, id, created_at FROM contact WHERE email IS NOT NULL;
INSERT INTO contact_handle (kind, handle, contact_id, created_at)
    SELECT 'VISITOR', v.visitor_id, (SELECT c2.contact_id FROM conversation c2 WHERE c2.visitor_id = v.visitor_id
        ORDER BY c2.created_at, c2.id FETCH FIRST 1 ROWS ONLY), CURRENT_TIMESTAMP
    FROM (SELECT DISTINCT visitor_id FROM conversation WHERE visitor_id IS NOT NULL) v;

CREATE INDEX conversation_contact_idx ON conversation (contact_id, created_at);
CREATE INDEX conversation_inbox_idx ON conversation (inbox_id, status);

-- Inbound messages are taken once: (inbox, the channel's message id) -> the stored message.
CREATE TABLE inbound_message (
    inbox_id    UUID         NOT NULL,
    external_id VARCHAR(500) NOT NULL,
    message_id  UUID         NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    PRIMARY KEY (inbox_id, external_id)
);

-- Thread keys a channel uses to find a conversation again (an email's Message-ID, a phone number's open thread).
CREATE TABLE conversation_thread (
    inbox_id        UUID         NOT NULL,
    thread_key      VARCHAR(500) NOT NULL,
    conversation_id UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inbox_id, thread_key)
);
CREATE INDEX conversation_thread_conversation_idx ON conversation_thread (conversation_id);

-- Files a customer sent with a message (stored through the storage module; the row lists them for agents).
CREATE TABLE message_attachment (
    id           UUID PRIMARY KEY,
    message_id   UUID          NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    filename     VARCHAR(255)  NOT NULL,
    content_type VARCHAR(200)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    storage_key  VARCHAR(500)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX message_attachment_message_idx ON message_attachment (message_id);

-- A message that could not be read as the channel sent it (kept raw) carries a warning for agents.
ALTER TABLE message ADD COLUMN warning VARCHAR(500);

-- Inboxes: where conversations arrive, one per configured channel instance ("Website chat",
-- "support@acme.com"). The channel module keeps each channel's own settings (credentials, poll state) keyed
-- by inbox id. Every existing conversation came through the widget, so it joins the website chat inbox.
CREATE TABLE inbox (
    id             UUID PRIMARY KEY,
    channel_type   VARCHAR(32)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    address        VARCHAR(320),
    assistant_mode VARCHAR(16)  NOT NULL DEFAULT 'ANSWER',
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT inbox_assistant_mode_check CHECK (assistant_mode IN ('ANSWER', 'DRAFT', 'OFF'))
);
CREATE UNIQUE INDEX inbox_address_idx ON inbox (channel_type, address);
INSERT INTO inbox (id, channel_type, name, address, created_at, updated_at)
    VALUES ('7e5b0000-0000-4000-8000-000000000001', 'web', 'Website chat', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE conversation SET inbox_id = '7e5b0000-0000-4000-8000-000000000001' WHERE inbox_id IS NULL;

-- Delivery of every visible reply to the conversation's channel: pending until the channel took it, then sent,
-- or failed with the reason after the retries ran out. Retries are due at next_attempt_at.
CREATE TABLE message_delivery (
    message_id      UUID         PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
    conversation_id UUID         NOT NULL,
    inbox_id        UUID         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    external_id     VARCHAR(500),
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_delivery_state_check CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED'))
);
CREATE INDEX message_delivery_due_idx ON message_delivery (state, next_attempt_at);
CREATE INDEX message_delivery_conversation_idx ON message_delivery (conversation_id);
