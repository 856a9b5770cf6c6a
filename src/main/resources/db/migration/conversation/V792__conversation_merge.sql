-- A conversation merged into another of the same contact: its messages moved there, it was closed and links to it.
CREATE TABLE conversation_merge (
    source_id      UUID PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    target_id      UUID NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    merged_by      UUID,
    moved_messages INT  NOT NULL,
    merged_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_merge_target_idx ON conversation_merge (target_id);
