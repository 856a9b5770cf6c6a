-- An audit entry's detail is stored sealed (AES-GCM text, at most 4 x length + 100 characters for a detail cut to
-- 2,000). Entries written before stay readable as plain text until the background re-encryption seals them.
ALTER TABLE audit_entry ALTER COLUMN detail SET DATA TYPE VARCHAR(8100);
