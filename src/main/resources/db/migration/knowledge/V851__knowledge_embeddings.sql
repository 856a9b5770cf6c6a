-- Embeddings of knowledge text (body chunks with their title, example questions), stored once for every node: the node
-- that embeds a text writes its vector here, and other nodes read it instead of running the model again (issue 21).
-- Keyed by the model and the SHA-256 of the text; vector is the float32 values, little-endian. Customer questions are
-- never stored here. Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE knowledge_embedding (
    model      VARCHAR(100) NOT NULL,
    text_hash  VARCHAR(64)  NOT NULL,
    vector     BYTEA        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (model, text_hash)
);
