-- Whether an agent is emailed when a colleague mentions them (@name) in an internal note; on until they turn it off.
ALTER TABLE notification_preference ADD COLUMN email_on_mention BOOLEAN DEFAULT TRUE NOT NULL;
