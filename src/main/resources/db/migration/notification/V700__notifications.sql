-- What each agent wants to be told, and how. No row means the defaults: emails and browser notifications on, sound off.
CREATE TABLE notification_preference (
    agent_id                  UUID    PRIMARY KEY,
    email_on_assignment       BOOLEAN NOT NULL DEFAULT TRUE,
    email_on_customer_message BOOLEAN NOT NULL DEFAULT TRUE,
    browser_notifications     BOOLEAN NOT NULL DEFAULT TRUE,
    sound                     BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When the assignee was last emailed that the customer wrote, per conversation: the quiet period starts there.
CREATE TABLE customer_message_mail (
    conversation_id UUID PRIMARY KEY,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
