-- The workspace's tag catalogue (labels with a colour) and which conversations carry which tags.
CREATE TABLE tag (
    id         UUID PRIMARY KEY,
    name       VARCHAR(40)  NOT NULL,
    name_key   VARCHAR(40)  NOT NULL,
    colour     VARCHAR(7)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tag_name_unique UNIQUE (name_key)
);

CREATE TABLE conversation_tag (
    conversation_id UUID NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    tag_id          UUID NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    added_by        UUID,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, tag_id)
);
CREATE INDEX conversation_tag_tag_idx ON conversation_tag (tag_id, conversation_id);
CREATE INDEX conversation_category_idx ON conversation (category);
