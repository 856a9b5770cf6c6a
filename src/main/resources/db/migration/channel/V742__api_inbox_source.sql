-- API inboxes can come from configuration (parley.api-channel.inboxes), rewritten at every start, or from admins.
ALTER TABLE api_inbox ADD COLUMN source VARCHAR(20) DEFAULT 'ADMIN' NOT NULL;
