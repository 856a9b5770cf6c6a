-- Which key each encrypted column was last completely re-encrypted under, so a restart does not scan again.
CREATE TABLE encrypted_column_state (
    column_name  VARCHAR(200) PRIMARY KEY,
    key_id       VARCHAR(40) NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
