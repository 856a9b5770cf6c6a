-- The last personal texts of the conversation tables are sealed at rest too (ADR 0029): attachment file names,
-- delivery errors (providers name the rejected number or address; callbacks may echo the message), and the host
-- site's customer id of a verified conversation, which is looked up, so it gets its lookup hash (HMAC of the id under
-- a key of the ring, under 100 characters) beside the sealed value. Widened as in V820 (n characters sealed:
-- 4 * ceil((4n + 28) / 3) + 48). Rows from before stay plain, and match by their plain id, until the background
-- pass seals and hashes them. Portable SQL (H2 and PostgreSQL).
ALTER TABLE message_attachment ALTER COLUMN filename SET DATA TYPE VARCHAR(1500);
ALTER TABLE message_delivery ALTER COLUMN last_error SET DATA TYPE VARCHAR(5500);

DROP INDEX IF EXISTS verified_conversation_customer_idx;
ALTER TABLE verified_conversation ALTER COLUMN customer_id SET DATA TYPE VARCHAR(1200);
ALTER TABLE verified_conversation ADD COLUMN customer_hash VARCHAR(100);
CREATE INDEX verified_conversation_customer_hash_idx ON verified_conversation (customer_hash, verified_at);
