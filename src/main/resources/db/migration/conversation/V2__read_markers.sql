-- Read receipts both ways: the highest message seq the customer and the agents have seen.
ALTER TABLE conversation ADD COLUMN customer_read_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversation ADD COLUMN agent_read_seq BIGINT NOT NULL DEFAULT 0;
