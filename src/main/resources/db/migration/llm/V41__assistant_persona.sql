-- The persona an admin set on /admin/assistant; no row means parley.assistant.persona.* applies.
-- A single row (id = 1). Guidelines and forbidden topics are stored one per line.
CREATE TABLE assistant_persona (
    id               INTEGER       NOT NULL PRIMARY KEY,
    company_name     VARCHAR(100)  NOT NULL,
    tone             VARCHAR(200)  NOT NULL,
    guidelines       VARCHAR(7000) NOT NULL,
    forbidden_topics VARCHAR(7000) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       VARCHAR(320)  NOT NULL,
    CONSTRAINT assistant_persona_single_row CHECK (id = 1)
);
