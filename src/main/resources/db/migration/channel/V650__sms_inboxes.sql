-- SMS inboxes (Twilio): the number, the account and its auth token (encrypted; it checks Twilio's signatures and
-- sends), the numbers that texted STOP (never messaged until START), and the Twilio message SIDs each reply went
-- out as (status callbacks name a SID).
CREATE TABLE sms_inbox (
    inbox_id     UUID PRIMARY KEY,
    phone_number VARCHAR(32)   NOT NULL UNIQUE,
    account_sid  VARCHAR(64)   NOT NULL,
    auth_token   VARCHAR(1000) NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sms_opt_out (
    inbox_id     UUID        NOT NULL,
    phone_number VARCHAR(32) NOT NULL,
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inbox_id, phone_number)
);

CREATE TABLE sms_sent (
    message_sid VARCHAR(64) PRIMARY KEY,
    inbox_id    UUID        NOT NULL,
    message_id  UUID        NOT NULL,
    status      VARCHAR(20),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sms_sent_message ON sms_sent (message_id);
