-- The error text of an action call is stored sealed like its inputs, outputs and answer (TEXT columns, no change):
-- AES-GCM text of at most 4 x length + 100 characters for an error cut to 1,000. Rows written before stay readable
-- as plain text until the background re-encryption seals them.
ALTER TABLE action_execution ALTER COLUMN error SET DATA TYPE VARCHAR(4100);
