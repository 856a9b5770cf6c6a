-- WhatsApp inboxes (Cloud API): one business phone number each. The access token, the app secret (which signs
-- Meta's webhooks) and the verify token (the subscription handshake) are stored encrypted.
CREATE TABLE whatsapp_inbox (
    inbox_id          UUID PRIMARY KEY,
    phone_number_id   VARCHAR(100)  NOT NULL UNIQUE,
    access_token      VARCHAR(4000) NOT NULL,
    app_secret        VARCHAR(1000) NOT NULL,
    verify_token      VARCHAR(1000) NOT NULL,
    template_name     VARCHAR(512),
    template_language VARCHAR(35),
    source            VARCHAR(20)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
