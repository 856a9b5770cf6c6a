-- The customer's questions are stored sealed (AES-GCM text: enc:v1:<key id>:<base64>, at most 4 x length + 100
-- characters for a question of up to 1,000). Rows written before stay readable as plain text until the background
-- re-encryption seals them.
ALTER TABLE analytics_conversation ALTER COLUMN first_question SET DATA TYPE VARCHAR(4100);
ALTER TABLE analytics_conversation ALTER COLUMN last_question SET DATA TYPE VARCHAR(4100);
ALTER TABLE analytics_conversation ALTER COLUMN unanswered_question SET DATA TYPE VARCHAR(4100);
