-- The admin test bench: saved question sets (with the article each question should get, or none for questions the
-- assistant should hand over) and the outcome of each question in the set's latest run, to spot regressions.
CREATE TABLE assistant_question_set (
    id              VARCHAR(36)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at     TIMESTAMP WITH TIME ZONE,
    last_version    BIGINT,
    last_top1       DOUBLE PRECISION,
    last_precision  DOUBLE PRECISION,
    last_deflection DOUBLE PRECISION
);

CREATE TABLE assistant_question_set_item (
    set_id      VARCHAR(36)   NOT NULL REFERENCES assistant_question_set (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    question    VARCHAR(1000) NOT NULL,
    -- the article id that should answer; NULL with labelled = TRUE: the question should be handed over
    expected    VARCHAR(100),
    labelled    BOOLEAN       NOT NULL,
    -- the latest run: best article, confidence, answered, right (NULL when not labelled)
    last_best      VARCHAR(100),
    last_confidence DOUBLE PRECISION,
    last_answered  BOOLEAN,
    last_right     BOOLEAN,
    PRIMARY KEY (set_id, position)
);
