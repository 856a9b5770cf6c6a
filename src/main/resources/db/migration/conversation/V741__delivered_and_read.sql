-- Providers report that a reply reached the customer (DELIVERED) or was read (READ: WhatsApp).
ALTER TABLE message_delivery DROP CONSTRAINT message_delivery_state_check;
ALTER TABLE message_delivery ADD CONSTRAINT message_delivery_state_check
    CHECK (state IN ('PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED'));
-- Status callbacks find a reply by the provider's message id.
CREATE INDEX message_delivery_external_idx ON message_delivery (inbox_id, external_id);
