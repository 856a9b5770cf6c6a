-- Conversations a customer started with an identity the host site signed (widget identity verification): the
-- site's own customer id and the email it vouched for. Agents see them as verified; the customer sees these
-- conversations again on any device where the site signs them in. Portable SQL (H2 and PostgreSQL).
CREATE TABLE verified_conversation (
    conversation_id UUID         PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    customer_id     VARCHAR(200) NOT NULL,
    email           VARCHAR(320) NOT NULL,
    verified_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX verified_conversation_customer_idx ON verified_conversation (customer_id, verified_at);
