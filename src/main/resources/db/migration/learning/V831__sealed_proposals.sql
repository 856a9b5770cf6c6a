-- The customer's question, the answer and the agent's note are stored sealed (AES-GCM text, at most 4 x length + 100
-- characters). Rows written before stay readable as plain text until the background re-encryption seals them.
ALTER TABLE learning_proposal ALTER COLUMN question SET DATA TYPE VARCHAR(8100);
ALTER TABLE learning_proposal ALTER COLUMN note SET DATA TYPE VARCHAR(4100);
